import { DateTime } from 'luxon'
import type { HttpContext } from '@adonisjs/core/http'
import type { Session } from '@adonisjs/session'
import User from './user.js'
import { recordAudit } from '#core/audit/audit_log'

/**
 * The session side of signing in (issue 2 §4).
 *
 * After a correct password an MFA user is only *pending*: the session holds
 * their id, not a login, so every `auth` route still answers "sign in"; only
 * /login/mfa accepts them, for 10 minutes. The session also remembers the
 * user's session epoch at sign-in; a password change bumps the epoch and so
 * signs out every other session (see SilentAuthMiddleware).
 */
const PENDING_KEY = 'auth.pendingMfa'
const EPOCH_KEY = 'auth.epoch'
const PENDING_TTL_MS = 10 * 60 * 1000

interface PendingMfa {
  userId: number
  epoch: number
  startedAt: number
}

export type SignInMethod = 'password' | 'totp' | 'recovery_code'

export function startMfaChallenge(session: Session, user: User) {
  session.regenerate()
  session.put(PENDING_KEY, { userId: user.id, epoch: user.sessionEpoch, startedAt: Date.now() })
}

/** The user awaiting their second factor, or null (none, expired, or password changed since). */
export async function pendingMfaUser(session: Session): Promise<User | null> {
  const pending = session.get(PENDING_KEY) as PendingMfa | undefined
  if (!pending) return null
  const user =
    Date.now() - pending.startedAt <= PENDING_TTL_MS ? await User.find(pending.userId) : null
  if (!user || user.sessionEpoch !== pending.epoch || !user.mfaEnabledAt) {
    session.forget(PENDING_KEY)
    return null
  }
  return user
}

export function hasPendingMfa(session: Session): boolean {
  return session.has(PENDING_KEY)
}

export async function completeSignIn(ctx: HttpContext, user: User, method: SignInMethod) {
  ctx.session.forget(PENDING_KEY)
  await ctx.auth.use('web').login(user)
  ctx.session.put(EPOCH_KEY, user.sessionEpoch)
  user.lastLoginAt = DateTime.utc()
  await user.save()
  await recordAudit({
    actor: user,
    action: 'auth.login',
    subjectType: 'user',
    subjectId: user.id,
    partyId: user.partyId,
    after: { method },
    ip: ctx.request.ip(),
  })
}

/** After the signed-in user changes their own password: keep this session, drop the others. */
export function adoptCurrentEpoch(session: Session, user: User) {
  session.put(EPOCH_KEY, user.sessionEpoch)
}

/** Sessions without the key predate epochs (or were made by a test client): epoch 0. */
export function sessionEpochIsCurrent(session: Session, user: User): boolean {
  return Number(session.get(EPOCH_KEY, 0)) === user.sessionEpoch
}

export async function endSession(ctx: HttpContext) {
  await ctx.auth.use('web').logout()
  ctx.session.clear()
  ctx.session.regenerate()
}
