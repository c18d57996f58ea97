import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type Party from '#customer/models/party'
import { fieldError } from './journey_error.js'

/**
 * Gives a prospect its permanent Party ID at accession. Prospects carry a
 * provisional id (`EOI-…`) until then; the register keys every record by
 * party_id, so the party row is copied under the new id, its records moved,
 * and the provisional row removed, all in the caller's transaction. (Copying
 * rather than updating the key keeps the foreign keys of the shared tables
 * valid on SQLite and PostgreSQL alike, without ON UPDATE CASCADE.)
 */
const PARTY_KEYED_TABLES = [
  'customer_signatory_authorisations',
  'customer_documents',
  'customer_invitations',
  'customer_tasks',
  'customer_contacts',
  'customer_bank_accounts',
  'customer_change_requests',
  'customer_role_cases',
  'customer_qualification_cases',
  'core_users',
]

export async function allocatePartyId(
  trx: TransactionClientContract,
  party: Party,
  partyId: string
) {
  const taken = await trx.from('customer_parties').where('party_id', partyId).first()
  if (taken)
    fieldError(
      'partyId',
      `Party ID ${partyId} is already used (Party IDs are never reused)`,
      'unique'
    )

  const provisional = party.partyId
  const row = await trx.from('customer_parties').where('party_id', provisional).first()
  /* The copy gets a new surrogate key; everything else carries over. */
  const copy = { ...row, party_id: partyId }
  delete copy.id
  await trx.table('customer_parties').insert(copy)
  for (const table of PARTY_KEYED_TABLES) {
    await trx.from(table).where('party_id', provisional).update({ party_id: partyId })
  }
  await trx.from('customer_parties').where('party_id', provisional).delete()
}
