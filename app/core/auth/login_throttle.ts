import limiter from '@adonisjs/limiter/services/main'

/**
 * Attempt-counting throttles for the sign-in journey (issue 2 §4). Only
 * failures count: a correct answer clears the per-account counter. Each check
 * answers the seconds to wait (0 = go ahead), which becomes Retry-After.
 *
 * - password: 5 failures per email + IP in 15 minutes, and 50 per IP (spraying
 *   many accounts from one address);
 * - MFA code: 5 failures per pending user in 15 minutes (the password is known
 *   to whoever is typing, so the account itself is the key);
 * - reset requests: 5 per IP in 15 minutes (each one sends a mail).
 */
const window = { duration: '15 mins', blockDuration: '15 mins' } as const
const perAccount = limiter.use({ requests: 5, ...window })
const perAddress = limiter.use({ requests: 50, ...window })

interface Throttle {
  limiter: ReturnType<typeof limiter.use>
  key: string
}

export class AttemptThrottle {
  constructor(private throttles: Throttle[]) {}

  /** Seconds until another attempt is allowed; 0 when one is. */
  async retryAfter(): Promise<number> {
    let wait = 0
    for (const { limiter: store, key } of this.throttles) {
      const state = await store.get(key)
      if (state && state.remaining <= 0) wait = Math.max(wait, state.availableIn || 1)
    }
    return wait
  }

  /** Counts an attempt (a failure, or a reset mail) on every key; answers the wait now in force. */
  async record(): Promise<number> {
    for (const { limiter: store, key } of this.throttles) {
      const state = await store.increment(key)
      if (state.consumed >= state.limit)
        await store.block(key, store.blockDuration || store.duration)
    }
    return this.retryAfter()
  }

  /** A success forgives the account's failures (not the address-wide count). */
  async clearAccount(): Promise<void> {
    await this.throttles[0].limiter.delete(this.throttles[0].key)
  }
}

export function passwordThrottle(email: string, ip: string) {
  return new AttemptThrottle([
    { limiter: perAccount, key: `login:${email}:${ip}` },
    { limiter: perAddress, key: `login_ip:${ip}` },
  ])
}

export function mfaThrottle(userId: number) {
  return new AttemptThrottle([{ limiter: perAccount, key: `mfa:${userId}` }])
}

export function resetRequestThrottle(ip: string) {
  return new AttemptThrottle([{ limiter: perAccount, key: `reset:${ip}` }])
}

/** "3 minutes", "1 minute", "45 seconds": for the page's message. */
export function describeWait(seconds: number): string {
  if (seconds < 60) return `${seconds} second${seconds === 1 ? '' : 's'}`
  const minutes = Math.ceil(seconds / 60)
  return `${minutes} minute${minutes === 1 ? '' : 's'}`
}
