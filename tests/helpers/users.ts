import { randomUUID } from 'node:crypto'
import { DateTime } from 'luxon'
import { Secret, TOTP } from 'otpauth'
import User from '#core/auth/user'
import { requiresMfa, type Role } from '#core/auth/roles'
import { newTotpSecret, sealSecret } from '#core/auth/totp'
import { generateRecoveryCodes, serialiseRecoveryHashes } from '#core/auth/recovery_codes'

/**
 * Makes a portal user for a test, for any suite. By default the user has the
 * MFA their role requires (so the `mfa` middleware lets `loginAs` through);
 * the returned `totpCode()` computes the code an authenticator app would show.
 *
 *   const { user } = await createUser({ role: 'signatory', partyId: 'PARTYA' })
 *   await client.get('/dashboard').loginAs(user)
 */
export interface CreateUserOptions {
  role?: Role
  partyId?: string | null
  /** Enrol a TOTP authenticator (default: whatever the role requires). */
  mfa?: boolean
  email?: string
  fullName?: string
  password?: string
}

export interface TestUser {
  user: User
  password: string
  totpSecret: string | null
  /** The TOTP code for `at` (ms since epoch, default now); throws when the user has no MFA. */
  totpCode(at?: number): string
  /** The user's ten unused recovery codes (empty without MFA). */
  recoveryCodes: string[]
}

export const TEST_PASSWORD = 'correct horse battery staple'

export async function createUser(options: CreateUserOptions = {}): Promise<TestUser> {
  const role = options.role ?? 'assistant'
  const partyId =
    options.partyId !== undefined
      ? options.partyId
      : role === 'operator' || role === 'admin'
        ? null
        : 'PARTYA'
  const mfa = options.mfa ?? requiresMfa(role)
  const password = options.password ?? TEST_PASSWORD
  const totpSecret = mfa ? newTotpSecret() : null
  const recoveryCodes = mfa ? generateRecoveryCodes() : []

  const user = await User.create({
    email: options.email ?? `${role}-${randomUUID().slice(0, 8)}@example.test`,
    fullName: options.fullName ?? `Test ${role}`,
    password,
    role,
    partyId,
    mfaSecret: totpSecret ? sealSecret(totpSecret) : null,
    mfaEnabledAt: mfa ? DateTime.utc() : null,
    recoveryCodes: mfa ? serialiseRecoveryHashes(recoveryCodes) : null,
    mfaLastStep: null,
    sessionEpoch: 0,
  })

  return {
    user,
    password,
    totpSecret,
    recoveryCodes,
    totpCode(at = Date.now()) {
      if (!totpSecret) throw new Error(`${user.email} has no authenticator`)
      return TOTP.generate({ secret: Secret.fromBase32(totpSecret), timestamp: at })
    },
  }
}
