import type { HttpContext } from '@adonisjs/core/http'
import type User from '../user.js'
import { passwordThrottle, describeWait } from '../login_throttle.js'
import { recordAudit } from '#core/audit/audit_log'

/**
 * Re-confirms the signed-in user's password before a sensitive change
 * (turning MFA off, new recovery codes, a new password). Wrong guesses count
 * against the same throttle as sign-in. On failure the error is flashed
 * under `currentPassword` and false is returned: the caller redirects back.
 */
export async function confirmCurrentPassword(ctx: HttpContext, user: User, password: string) {
  const throttle = passwordThrottle(user.email, ctx.request.ip())
  const wait = await throttle.retryAfter()
  if (wait) {
    flashError(ctx, `Too many wrong passwords. Try again in ${describeWait(wait)}.`)
    return false
  }
  if (await user.verifyPassword(password)) {
    await throttle.clearAccount()
    return true
  }
  await throttle.record()
  await recordAudit({
    actor: user,
    action: 'auth.password_confirmation_failed',
    subjectType: 'user',
    subjectId: user.id,
    partyId: user.partyId,
    ip: ctx.request.ip(),
  })
  flashError(ctx, 'The password is not correct')
  return false
}

function flashError(ctx: HttpContext, message: string) {
  ctx.session.flash('inputErrorsBag', { currentPassword: [message] })
}
