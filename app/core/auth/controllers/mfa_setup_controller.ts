import { DateTime } from 'luxon'
import type { HttpContext } from '@adonisjs/core/http'
import { mfaConfirmValidator } from '../validators/auth_validators.js'
import { enrolmentQr, matchTotpStep, newTotpSecret, openSecret, sealSecret } from '../totp.js'
import {
  RECOVERY_FLASH,
  generateRecoveryCodes,
  serialiseRecoveryHashes,
} from '../recovery_codes.js'
import { requiresMfa } from '../roles.js'
import { describeWait, mfaThrottle } from '../login_throttle.js'
import { recordAudit } from '#core/audit/audit_log'
import { notify } from '#core/notifications/notify'

/**
 * /account/mfa/setup: enrolment. The secret lives (encrypted) in the session
 * until a code from the app proves it was scanned; only then is it stored on
 * the user, with ten recovery codes that are shown once.
 */
const SETUP_KEY = 'mfa.setupSecret'

function formatSecret(secret: string) {
  return secret.match(/.{1,4}/g)!.join(' ')
}

export default class MfaSetupController {
  async show({ auth, session, inertia, response }: HttpContext) {
    const user = auth.getUserOrFail()
    if (user.mfaEnabledAt) {
      session.flash('success', 'Multi-factor authentication is already on.')
      return response.redirect('/account')
    }
    const sealed = session.get(SETUP_KEY) as string | undefined
    let secret = sealed ? openSecret(sealed) : null
    if (!secret) {
      secret = newTotpSecret()
      session.put(SETUP_KEY, sealSecret(secret))
    }
    const { qrDataUrl, uri } = await enrolmentQr(secret, user.email)
    return inertia.render('account/mfa_setup', {
      qrDataUrl,
      otpauthUri: uri,
      secret: formatSecret(secret),
      required: requiresMfa(user.role),
    })
  }

  async confirm({ auth, session, request, response }: HttpContext) {
    const user = auth.getUserOrFail()
    if (user.mfaEnabledAt) return response.redirect('/account')
    const { code } = await request.validateUsing(mfaConfirmValidator)
    const sealed = session.get(SETUP_KEY) as string | undefined
    const secret = sealed ? openSecret(sealed) : null
    const throttle = mfaThrottle(user.id)
    const wait = await throttle.retryAfter()
    if (wait) {
      session.flash('inputErrorsBag', {
        code: [`Too many wrong codes. Try again in ${describeWait(wait)}.`],
      })
      return response.redirect('/account/mfa/setup')
    }
    const step = secret ? matchTotpStep(secret, code) : null
    if (!secret || step === null) {
      await throttle.record()
      session.flash('inputErrorsBag', {
        code: [
          'The code is not valid. Scan the QR code again and enter the code your app shows now.',
        ],
      })
      return response.redirect('/account/mfa/setup')
    }

    const codes = generateRecoveryCodes()
    user.merge({
      mfaSecret: sealSecret(secret),
      mfaEnabledAt: DateTime.utc(),
      mfaLastStep: step,
      recoveryCodes: serialiseRecoveryHashes(codes),
    })
    await user.save()
    await throttle.clearAccount()
    session.forget(SETUP_KEY)
    await recordAudit({
      actor: user,
      action: 'mfa.enabled',
      subjectType: 'user',
      subjectId: user.id,
      partyId: user.partyId,
      ip: request.ip(),
    })
    await notify(user, {
      title: 'Multi-factor authentication is on',
      body: 'An authenticator app was set up for your account. If this was not you, contact the BSC service desk.',
      link: '/account',
    })
    session.flash(RECOVERY_FLASH, codes)
    return response.redirect('/account/mfa/recovery-codes')
  }

  /** Shows freshly made recovery codes once: they arrive as a flash message. */
  async recoveryCodes({ session, inertia }: HttpContext) {
    const codes = session.flashMessages.get(RECOVERY_FLASH) as string[] | undefined
    return inertia.render('account/recovery_codes', { codes: codes ?? null })
  }
}
