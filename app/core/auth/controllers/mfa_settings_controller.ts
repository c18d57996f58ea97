import type { HttpContext } from '@adonisjs/core/http'
import { confirmPasswordValidator } from '../validators/auth_validators.js'
import { confirmCurrentPassword } from '../actions/confirm_password.js'
import {
  RECOVERY_FLASH,
  generateRecoveryCodes,
  serialiseRecoveryHashes,
} from '../recovery_codes.js'
import { requiresMfa } from '../roles.js'
import { recordAudit } from '#core/audit/audit_log'
import { notify } from '#core/notifications/notify'

/**
 * Changes to an enrolled authenticator from /account, each behind a password
 * re-confirmation. For roles that must use MFA, turning it off means
 * replacing the authenticator: the mfa middleware sends them straight to setup.
 */
export default class MfaSettingsController {
  async regenerateRecoveryCodes(ctx: HttpContext) {
    const user = ctx.auth.getUserOrFail()
    const { currentPassword } = await ctx.request.validateUsing(confirmPasswordValidator)
    if (!user.mfaEnabledAt) return ctx.response.redirect('/account/mfa/setup')
    if (!(await confirmCurrentPassword(ctx, user, currentPassword))) {
      return ctx.response.redirect('/account')
    }
    const codes = generateRecoveryCodes()
    user.recoveryCodes = serialiseRecoveryHashes(codes)
    await user.save()
    await recordAudit({
      actor: user,
      action: 'mfa.recovery_codes_regenerated',
      subjectType: 'user',
      subjectId: user.id,
      partyId: user.partyId,
      ip: ctx.request.ip(),
    })
    ctx.session.flash(RECOVERY_FLASH, codes)
    return ctx.response.redirect('/account/mfa/recovery-codes')
  }

  async disable(ctx: HttpContext) {
    const user = ctx.auth.getUserOrFail()
    const { currentPassword } = await ctx.request.validateUsing(confirmPasswordValidator)
    if (!(await confirmCurrentPassword(ctx, user, currentPassword))) {
      return ctx.response.redirect('/account')
    }
    user.merge({ mfaSecret: null, mfaEnabledAt: null, mfaLastStep: null, recoveryCodes: null })
    await user.save()
    await recordAudit({
      actor: user,
      action: 'mfa.disabled',
      subjectType: 'user',
      subjectId: user.id,
      partyId: user.partyId,
      ip: ctx.request.ip(),
    })
    await notify(user, {
      title: 'Multi-factor authentication was turned off',
      body: 'The authenticator app was removed from your account. If this was not you, contact the BSC service desk.',
      link: '/account',
    })
    if (requiresMfa(user.role)) {
      ctx.session.flash('success', 'Your old authenticator is removed. Set up the new one now.')
      return ctx.response.redirect('/account/mfa/setup')
    }
    ctx.session.flash('success', 'Multi-factor authentication is off.')
    return ctx.response.redirect('/account')
  }
}
