import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import User from '#core/auth/user'
import { today } from './lead_times.js'

/**
 * What a party user may do comes from BSCP38 categories held on the day
 * (customer.md §2.3–2.4). Only Category A is special in code (§15); other
 * letters come from the reference table by request type.
 */
export async function activeCategories(
  user: User,
  onDate = today(),
  trx?: TransactionClientContract
): Promise<Set<string>> {
  if (!user.partyId || user.role !== 'signatory') return new Set()
  const rows = await (trx ?? db)
    .from('customer_signatory_authorisations')
    .where('party_id', user.partyId)
    .where('user_id', user.id)
    .where('status', 'active')
    .where('start_date', '<=', onDate)
    .where((q) => q.whereNull('end_date').orWhere('end_date', '>=', onDate))
    .select('category')
  return new Set(rows.map((row: any) => row.category as string))
}

/** Categories whose reference row lists the request type (e.g. `bank_details` → F). */
export async function categoriesFor(
  requestType: string,
  trx?: TransactionClientContract
): Promise<string[]> {
  const rows = await (trx ?? db)
    .from('customer_authorisation_categories')
    .select('code', 'request_types')
  return rows
    .filter((row: any) => (JSON.parse(row.request_types) as string[]).includes(requestType))
    .map((row: any) => row.code as string)
}

/** Users of a party holding an active Category A today (notification targets, invariant checks). */
export function categoryAHolders(
  partyId: string,
  onDate = today(),
  trx?: TransactionClientContract
) {
  return categoryHolders(partyId, ['A'], onDate, trx)
}

/** Users of a party holding any of `categories` today (e.g. A and C for credit matters). */
export async function categoryHolders(
  partyId: string,
  categories: string[],
  onDate = today(),
  trx?: TransactionClientContract
) {
  const ids = await (trx ?? db)
    .from('customer_signatory_authorisations')
    .where('party_id', partyId)
    .whereIn('category', categories)
    .where('status', 'active')
    .where('start_date', '<=', onDate)
    .where((q) => q.whereNull('end_date').orWhere('end_date', '>=', onDate))
    .distinct('user_id')
  return User.query({ client: trx }).whereIn(
    'id',
    ids.map((row: any) => row.user_id)
  )
}
