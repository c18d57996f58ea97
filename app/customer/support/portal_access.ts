import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { today } from './lead_times.js'

/**
 * Portal access of a withdrawn party (customer.md §10.2): it ends on the
 * Withdrawal Date. Its users' data stays, readable by operators; the users
 * themselves may no longer sign in or use tokens.
 */
export async function partyAccessEnded(
  partyId: string,
  onDate = today(),
  trx?: TransactionClientContract
): Promise<boolean> {
  const client = trx ?? db
  const party = await client
    .from('customer_parties')
    .where('party_id', partyId)
    .select('status')
    .first()
  if (party?.status !== 'withdrawn') return false
  const exit = await client
    .from('customer_exit_cases')
    .where('party_id', partyId)
    .where('state', 'WITHDRAWN')
    .orderBy('id', 'desc')
    .first()
  return !!exit && exit.withdrawal_date <= onDate
}

/** Revokes every access token, signs every session out and withdraws open invitations. */
export async function revokePartyAccess(trx: TransactionClientContract, partyId: string) {
  const users = await trx.from('core_users').where('party_id', partyId).select('id')
  const ids = users.map((u: any) => Number(u.id))
  const tokens = ids.length
    ? await trx.from('core_access_tokens').whereIn('tokenable_id', ids).delete()
    : 0
  if (ids.length) await trx.from('core_users').whereIn('id', ids).increment('session_epoch', 1)
  await trx
    .from('customer_invitations')
    .where('party_id', partyId)
    .where('state', 'INVITED')
    .update({ state: 'REVOKED' })
  return { users: ids.length, tokens: Array.isArray(tokens) ? tokens.length : Number(tokens) }
}
