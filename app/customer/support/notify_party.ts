import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import User from '#core/auth/user'
import { notify } from '#core/notifications/notify'
import { categoryHolders } from './authority.js'

/**
 * Portal and e-mail notifications for the people of a party (customer.md §11.2).
 * `categoryA: true` addresses every active Category A signatory, `categories`
 * the holders of any of those categories; otherwise every user of the party.
 */
export async function notifyParty(
  trx: TransactionClientContract,
  partyId: string,
  message: { title: string; body: string; link?: string },
  options: { categoryA?: boolean; categories?: string[]; except?: number } = {}
) {
  const categories = options.categoryA ? ['A'] : options.categories
  const users = categories
    ? await categoryHolders(partyId, categories, undefined, trx)
    : await User.query({ client: trx }).where('party_id', partyId)
  for (const user of users) {
    if (user.id === options.except) continue
    await notify(user, message, { client: trx })
  }
}
