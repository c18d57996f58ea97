import { createHash, randomBytes } from 'node:crypto'
import db from '@adonisjs/lucid/services/db'
import User from '../user.js'
import { affectedRows } from '../affected_rows.js'
import { recordAudit } from '#core/audit/audit_log'

/**
 * Password-reset tokens: 256 random bits, mailed once, stored only as a
 * SHA-256 hash, valid for one hour and for one use. Asking again replaces any
 * earlier unused token.
 */
const TOKEN_TTL_MS = 60 * 60 * 1000

function digest(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

export async function issueResetToken(user: User): Promise<string> {
  const token = randomBytes(32).toString('base64url')
  const now = Date.now()
  await db.transaction(async (trx) => {
    await trx
      .from('core_password_reset_tokens')
      .where('user_id', user.id)
      .whereNull('used_at')
      .delete()
    await trx
      .insertQuery()
      .table('core_password_reset_tokens')
      .insert({
        user_id: user.id,
        token_hash: digest(token),
        expires_at: new Date(now + TOKEN_TTL_MS).toISOString(),
        created_at: new Date(now).toISOString(),
      })
  })
  return token
}

function usableToken(token: string) {
  return db
    .from('core_password_reset_tokens')
    .where('token_hash', digest(token))
    .whereNull('used_at')
    .where('expires_at', '>', new Date().toISOString())
}

export async function resetTokenIsUsable(token: string): Promise<boolean> {
  return !!(await usableToken(token).first())
}

/**
 * Spends the token and sets the new password in one transaction. Bumping the
 * session epoch signs the user out everywhere. Null when the token is unknown,
 * expired or already used.
 */
export async function redeemResetToken(token: string, password: string, ip: string) {
  return db.transaction(async (trx) => {
    const row = await usableToken(token).useTransaction(trx).first()
    if (!row) return null
    const claimed = await trx
      .from('core_password_reset_tokens')
      .where('id', row.id)
      .whereNull('used_at')
      .update({ used_at: new Date().toISOString() })
    if (!affectedRows(claimed)) return null

    const user = await User.findOrFail(row.user_id, { client: trx })
    user.password = password
    user.sessionEpoch = user.sessionEpoch + 1
    await user.save()
    await recordAudit(
      {
        actor: user,
        action: 'auth.password_reset',
        subjectType: 'user',
        subjectId: user.id,
        partyId: user.partyId,
        ip,
      },
      { client: trx }
    )
    return user
  })
}
