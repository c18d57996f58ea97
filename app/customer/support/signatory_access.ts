import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import db from '@adonisjs/lucid/services/db'

/**
 * Whether an authorised signatory can use the portal (customer.md §2.2, §6.4):
 * `active` once they accepted an invitation (or have signed in), `invited`
 * while a link is open, `none` otherwise (authorised on paper only).
 */
export type PortalAccess = 'active' | 'invited' | 'none'

export async function portalAccessOf(
  userIds: number[],
  trx?: TransactionClientContract
): Promise<Map<number, PortalAccess>> {
  const client = trx ?? db
  const access = new Map<number, PortalAccess>(userIds.map((id) => [id, 'none']))
  if (!userIds.length) return access
  const invitations = await client
    .from('customer_invitations')
    .whereIn('user_id', userIds)
    .whereIn('state', ['INVITED', 'ACCEPTED'])
    .where((q) => q.where('state', 'ACCEPTED').orWhere('expires_at', '>', new Date().toISOString()))
    .select('user_id', 'state')
  for (const row of invitations)
    if (access.get(Number(row.user_id)) !== 'active')
      access.set(Number(row.user_id), row.state === 'ACCEPTED' ? 'active' : 'invited')
  const signedIn = await client
    .from('core_users')
    .whereIn('id', userIds)
    .whereNotNull('last_login_at')
    .select('id')
  for (const row of signedIn) access.set(Number(row.id), 'active')
  return access
}
