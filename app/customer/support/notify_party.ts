import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import User from '#core/auth/user'
import { notify } from '#core/notifications/notify'
import { categoryAHolders } from './authority.js'

/**
 * Portal and e-mail notifications for the people of a party (customer.md §11.2).
 * `categoryA: true` addresses every active Category A signatory; otherwise
 * every user of the party.
 */
export async function notifyParty(
  trx: TransactionClientContract,
  partyId: string,
  message: { title: string; body: string; link?: string },
  options: { categoryA?: boolean; except?: number } = {}
) {
  const users = options.categoryA
    ? await categoryAHolders(partyId, undefined, trx)
    : await User.query({ client: trx }).where('party_id', partyId)
  for (const user of users) {
    if (user.id === options.except) continue
    await notify(user, message, { client: trx })
  }
}
