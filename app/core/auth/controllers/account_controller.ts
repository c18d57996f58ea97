import type { HttpContext } from '@adonisjs/core/http'
import User from '../user.js'
import { changePasswordValidator } from '../validators/auth_validators.js'
import { confirmCurrentPassword } from '../actions/confirm_password.js'
import { remainingRecoveryCodes } from '../actions/verify_second_factor.js'
import { adoptCurrentEpoch } from '../sign_in_session.js'
import { presentUser } from '../user_presenter.js'
import { findParty } from '../party_directory.js'
import { requiresMfa } from '../roles.js'
import { recordAudit } from '#core/audit/audit_log'
import { notify, unreadCount } from '#core/notifications/notify'

/** /account: profile, MFA, tokens, notifications and password in one place. */
export default class AccountController {
  async show({ auth, inertia }: HttpContext) {
    const user = auth.getUserOrFail()
    const tokens = await User.accessTokens.all(user)
    return inertia.render('account/show', {
      profile: presentUser(user),
      party: await findParty(user.partyId),
      mfa: {
        enabled: !!user.mfaEnabledAt,
        enabledAt: user.mfaEnabledAt?.toUTC().toISO() ?? null,
        required: requiresMfa(user.role),
        recoveryCodesLeft: user.mfaEnabledAt ? remainingRecoveryCodes(user) : 0,
      },
      tokenCount: tokens.length,
      unreadNotifications: await unreadCount(user.id),
    })
  }

  /** A new password signs out every other session; this one stays signed in. */
  async updatePassword(ctx: HttpContext) {
    const user = ctx.auth.getUserOrFail()
    const { currentPassword, password } = await ctx.request.validateUsing(changePasswordValidator)
    if (!(await confirmCurrentPassword(ctx, user, currentPassword))) {
      return ctx.response.redirect('/account')
    }
    user.password = password
    user.sessionEpoch = user.sessionEpoch + 1
    await user.save()
    adoptCurrentEpoch(ctx.session, user)
    await recordAudit({
      actor: user,
      action: 'auth.password_changed',
      subjectType: 'user',
      subjectId: user.id,
      partyId: user.partyId,
      ip: ctx.request.ip(),
    })
    await notify(user, {
      title: 'Your password was changed',
      body: 'The password of your Kinnect Open account was changed and your other sessions were signed out. If this was not you, contact the BSC service desk at once.',
      link: '/account',
    })
    ctx.session.flash('success', 'Password changed. Your other sessions have been signed out.')
    return ctx.response.redirect('/account')
  }
}
