import db from '@adonisjs/lucid/services/db'
import type User from '../user.js'
import { affectedRows } from '../affected_rows.js'
import { matchTotpStep, openSecret } from '../totp.js'
import { hashRecoveryCode, parseRecoveryHashes } from '../recovery_codes.js'
import type { SignInMethod } from '../sign_in_session.js'

/**
 * Accepts a TOTP code (±1 step, each step once) or a recovery code (each
 * once). Both claims are conditional updates, so two requests racing with the
 * same code cannot both succeed.
 */
export async function verifySecondFactor(
  user: User,
  code: string
): Promise<Exclude<SignInMethod, 'password'> | null> {
  if (/^\d{3}\s?\d{3}$/.test(code.trim())) {
    return (await acceptTotp(user, code)) ? 'totp' : null
  }
  return (await consumeRecoveryCode(user, code)) ? 'recovery_code' : null
}

export async function acceptTotp(user: User, code: string): Promise<boolean> {
  const secret = user.mfaSecret ? openSecret(user.mfaSecret) : null
  const step = secret ? matchTotpStep(secret, code) : null
  if (step === null) return false
  const claimed = await db
    .from('core_users')
    .where('id', user.id)
    .where((query) => query.whereNull('mfa_last_step').orWhere('mfa_last_step', '<', step))
    .update({ mfa_last_step: step })
  if (!affectedRows(claimed)) return false
  user.mfaLastStep = step
  return true
}

async function consumeRecoveryCode(user: User, code: string): Promise<boolean> {
  const hashes = parseRecoveryHashes(user.recoveryCodes)
  const used = hashRecoveryCode(code)
  if (!hashes.includes(used)) return false
  const remaining = JSON.stringify(hashes.filter((candidate) => candidate !== used))
  const claimed = await db
    .from('core_users')
    .where('id', user.id)
    .where('recovery_codes', user.recoveryCodes!)
    .update({ recovery_codes: remaining })
  if (!affectedRows(claimed)) return false
  user.recoveryCodes = remaining
  return true
}

export function remainingRecoveryCodes(user: User): number {
  return parseRecoveryHashes(user.recoveryCodes).length
}
