import type { HttpContext } from '@adonisjs/core/http'
import User from '../user.js'
import { forgotPasswordValidator, resetPasswordValidator } from '../validators/auth_validators.js'
import { passwordThrottle, resetRequestThrottle } from '../login_throttle.js'
import { renderThrottled } from '../throttled_response.js'
import {
  issueResetToken,
  redeemResetToken,
  resetTokenIsUsable,
} from '../actions/password_reset_tokens.js'
import { recordAudit } from '#core/audit/audit_log'
import { mailboxOpenToAll, sendMail } from '#core/mail/send_mail'
import { renderMail } from '#core/mail/mail_body'
import { appUrl } from '#core/mail/app_url'
import { notify } from '#core/notifications/notify'

/**
 * Password reset by e-mailed link (issue 2 §4). The request page answers the
 * same whether or not the address has an account.
 */
export default class PasswordResetController {
  async create({ inertia }: HttpContext) {
    return inertia.render('auth/forgot_password', { devMailbox: mailboxOpenToAll() })
  }

  async store(ctx: HttpContext) {
    const { request, response, session } = ctx
    const { email } = await request.validateUsing(forgotPasswordValidator)
    const throttle = resetRequestThrottle(request.ip())
    const wait = await throttle.retryAfter()
    if (wait) return renderThrottled(ctx, 'auth/forgot_password', wait, 'reset requests')
    await throttle.record()

    const user = await User.findBy('email', email)
    if (user) {
      const token = await issueResetToken(user)
      const link = appUrl(`/reset-password/${token}`)
      await sendMail({
        to: user.email,
        subject: 'Reset your Kinnect Open password',
        ...renderMail({
          greeting: `Hello ${user.fullName},`,
          paragraphs: [
            'Someone (we hope you) asked to reset the password of your Kinnect Open account.',
            'The link below works once, for one hour. If you did not ask, ignore this e-mail: your password stays as it is.',
          ],
          action: { label: 'Choose a new password', url: link },
        }),
      })
      await recordAudit({
        actor: null,
        action: 'auth.password_reset_requested',
        subjectType: 'user',
        subjectId: user.id,
        partyId: user.partyId,
        ip: request.ip(),
      })
    }
    session.flash(
      'success',
      `If ${email} belongs to an account, we have sent it a link to reset the password. The link works once, for one hour.`
    )
    return response.redirect('/forgot-password')
  }

  async edit({ params, inertia, response }: HttpContext) {
    /* The token is in the URL: keep it out of Referer headers sent to other sites. */
    response.header('Referrer-Policy', 'no-referrer')
    return inertia.render('auth/reset_password', {
      token: params.token,
      usable: await resetTokenIsUsable(params.token),
    })
  }

  async update({ params, request, response, session }: HttpContext) {
    const { password } = await request.validateUsing(resetPasswordValidator)
    const user = await redeemResetToken(params.token, password, request.ip())
    if (!user) {
      session.flash(
        'error',
        'This reset link has expired or has already been used. Ask for a new one.'
      )
      return response.redirect('/forgot-password')
    }
    await passwordThrottle(user.email, request.ip()).clearAccount()
    await notify(user, {
      title: 'Your password was changed',
      body: 'The password of your Kinnect Open account was reset, and every session was signed out. If this was not you, contact the BSC service desk at once.',
      link: '/login',
    })
    session.flash('success', 'Your password has been changed. Sign in with the new one.')
    return response.redirect('/login')
  }
}
