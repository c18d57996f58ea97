import type { HttpContext } from '@adonisjs/core/http'
import { describeWait } from './login_throttle.js'

/**
 * 429 with Retry-After, rendered as the page the visitor was on so they read
 * why (an Inertia response keeps the form on screen; a plain request gets the
 * server-rendered page).
 */
export function renderThrottled(
  ctx: HttpContext,
  page: 'auth/login' | 'auth/mfa_challenge' | 'auth/forgot_password',
  seconds: number,
  what: string
) {
  ctx.response.status(429)
  ctx.response.header('Retry-After', String(seconds))
  const throttleMessage = `Too many ${what}. Try again in ${describeWait(seconds)}.`
  return ctx.inertia.render(page, { retryAfter: seconds, throttleMessage })
}
