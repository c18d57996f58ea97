import type { HttpContext } from '@adonisjs/core/http'
import { mfaChallengeValidator } from '../validators/auth_validators.js'
import { mfaThrottle } from '../login_throttle.js'
import { renderThrottled } from '../throttled_response.js'
import { remainingRecoveryCodes, verifySecondFactor } from '../actions/verify_second_factor.js'
import { completeSignIn, pendingMfaUser } from '../sign_in_session.js'
import { recordAudit } from '#core/audit/audit_log'
import { notify } from '#core/notifications/notify'

const INVALID_CODE =
  'The code is not valid. Enter the current code from your app, or a recovery code.'
const SIGN_IN_AGAIN = 'Your sign-in has timed out. Sign in again.'

/** /login/mfa: the second step for users with an authenticator. */
export default class MfaChallengeController {
  async show({ inertia, session, response }: HttpContext) {
    if (!(await pendingMfaUser(session))) {
      session.flash('error', SIGN_IN_AGAIN)
      return response.redirect('/login')
    }
    return inertia.render('auth/mfa_challenge', {})
  }

  async verify(ctx: HttpContext) {
    const { request, response, session } = ctx
    const user = await pendingMfaUser(session)
    if (!user) {
      session.flash('error', SIGN_IN_AGAIN)
      return response.redirect('/login')
    }
    const { code } = await request.validateUsing(mfaChallengeValidator)
    const throttle = mfaThrottle(user.id)
    const wait = await throttle.retryAfter()
    if (wait) return renderThrottled(ctx, 'auth/mfa_challenge', wait, 'wrong codes')

    const method = await verifySecondFactor(user, code)
    if (!method) {
      await throttle.record()
      await recordAudit({
        actor: null,
        action: 'auth.mfa_failed',
        subjectType: 'user',
        subjectId: user.id,
        partyId: user.partyId,
        ip: request.ip(),
      })
      session.flash('inputErrorsBag', { code: [INVALID_CODE] })
      return response.redirect('/login/mfa')
    }

    await throttle.clearAccount()
    await completeSignIn(ctx, user, method)
    if (method === 'recovery_code') {
      const left = remainingRecoveryCodes(user)
      await notify(user, {
        title: 'A recovery code was used to sign in',
        body: `A recovery code was used to sign in to your account. You have ${left} left. If this was not you, change your password and contact the BSC service desk.`,
        link: '/account',
      })
      session.flash('success', `Signed in with a recovery code. You have ${left} left.`)
    }
    return response.redirect().toIntended('/dashboard')
  }
}
