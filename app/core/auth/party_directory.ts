import db from '@adonisjs/lucid/services/db'

/**
 * Party names for display next to a user's BSC Party ID. Read-only, and the
 * only place core reads the party register (customer_parties, from the
 * foundation schema); when the customer context publishes a lookup in its
 * index.ts this module should delegate to it.
 */
export interface PartySummary {
  partyId: string
  name: string
  status: string
}

export async function findParty(partyId: string | null): Promise<PartySummary | null> {
  if (!partyId) return null
  const row = await db
    .from('customer_parties')
    .select('party_id', 'name', 'status')
    .where('party_id', partyId)
    .first()
  return row ? { partyId: row.party_id, name: row.name, status: row.status } : null
}

export async function countParties(): Promise<number> {
  const row = await db.from('customer_parties').count('* as total').first()
  return Number(row?.total ?? 0)
}
