import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type { AuthorisedPerson } from '#customer/models/signatory_confirmation'

/** Who is authorised for what on a day: the list a Cat A confirms each year (customer.md §6.1). */
export async function authorisedPersons(
  trx: TransactionClientContract,
  partyId: string,
  onDate: string
): Promise<AuthorisedPerson[]> {
  const rows = await trx
    .from('customer_signatory_authorisations as a')
    .join('core_users as u', 'u.id', 'a.user_id')
    .where('a.party_id', partyId)
    .where('a.status', 'active')
    .where('a.start_date', '<=', onDate)
    .where((q) => q.whereNull('a.end_date').orWhere('a.end_date', '>=', onDate))
    .orderBy('a.start_date')
    .orderBy('u.full_name')
    .orderBy('a.category')
    .select('a.user_id', 'u.full_name', 'u.email', 'a.category', 'a.start_date', 'a.end_date')
  const people = new Map<number, AuthorisedPerson>()
  for (const row of rows) {
    const id = Number(row.user_id)
    const person: AuthorisedPerson = people.get(id) ?? {
      userId: id,
      fullName: row.full_name,
      email: row.email,
      categories: [],
    }
    person.categories.push({
      category: row.category,
      startDate: row.start_date,
      endDate: row.end_date,
    })
    people.set(id, person)
  }
  return [...people.values()]
}
