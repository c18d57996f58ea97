import type { HttpContext } from '@adonisjs/core/http'
import { loginValidator } from '../validators/auth_validators.js'
import { passwordThrottle } from '../login_throttle.js'
import { renderThrottled } from '../throttled_response.js'
import { verifyPassword } from '../actions/verify_password.js'
import { completeSignIn, endSession, startMfaChallenge } from '../sign_in_session.js'
import { recordAudit } from '#core/audit/audit_log'
import { accessRefusal } from '../access_checks.js'

/** One message for every wrong answer, so the page never tells whether an account exists. */
export const INVALID_CREDENTIALS = 'The email address or password is not correct.'

export default class SessionController {
  async create({ inertia }: HttpContext) {
    return inertia.render('auth/login', {})
  }

  async store(ctx: HttpContext) {
    const { request, response, session } = ctx
    const { email, password } = await request.validateUsing(loginValidator)
    const throttle = passwordThrottle(email, request.ip())
    const wait = await throttle.retryAfter()
    if (wait) return renderThrottled(ctx, 'auth/login', wait, 'failed sign-in attempts')

    const { user, valid } = await verifyPassword(email, password)
    if (!user || !valid) {
      await throttle.record()
      await recordAudit({
        actor: null,
        action: 'auth.login_failed',
        subjectType: user ? 'user' : 'email',
        subjectId: user ? user.id : email,
        partyId: user?.partyId,
        ip: request.ip(),
      })
      session.flash('inputErrorsBag', { form: [INVALID_CREDENTIALS] })
      session.flashOnly(['email'])
      return response.redirect('/login')
    }

    await throttle.clearAccount()
    const refusal = await accessRefusal(user)
    if (refusal) {
      await recordAudit({
        actor: null,
        action: 'auth.login_refused',
        subjectType: 'user',
        subjectId: user.id,
        partyId: user.partyId,
        after: { reason: refusal },
        ip: request.ip(),
      })
      session.flash('inputErrorsBag', { form: [refusal] })
      session.flashOnly(['email'])
      return response.redirect('/login')
    }
    if (user.mfaEnabledAt) {
      startMfaChallenge(session, user)
      return response.redirect('/login/mfa')
    }
    await completeSignIn(ctx, user, 'password')
    return response.redirect().toIntended('/dashboard')
  }

  async destroy(ctx: HttpContext) {
    const user = ctx.auth.user
    await endSession(ctx)
    if (user) {
      await recordAudit({
        actor: user,
        action: 'auth.logout',
        subjectType: 'user',
        subjectId: user.id,
        partyId: user.partyId,
        ip: ctx.request.ip(),
      })
    }
    ctx.session.flash('success', 'You have signed out.')
    return ctx.response.redirect('/login')
  }
}
