import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type { LucidModel } from '@adonisjs/lucid/types/model'
import type User from '#core/auth/user'
import { assertPartyAccess, RecordNotFoundException } from '#core/auth/party_scope'
import Party from '#customer/models/party'

/**
 * The party a request is about, visible to the actor or 404 (customer.md §15:
 * another organisation's record is "not found", never "forbidden"). Loaded
 * `forUpdate` inside a transaction so two transitions cannot race.
 */
export async function partyFor(actor: User, partyId: string, trx?: TransactionClientContract) {
  assertPartyAccess(actor, partyId)
  const query = Party.query({ client: trx }).where('party_id', partyId)
  if (trx) query.forUpdate()
  const party = await query.first()
  if (!party) throw new RecordNotFoundException()
  return party
}

/** A party-owned row by id, 404 when missing or another party's. */
export async function ownedRecord<M extends LucidModel>(
  actor: User,
  model: M,
  id: number | string,
  trx?: TransactionClientContract
): Promise<InstanceType<M>> {
  const numeric = Number(id)
  const record = Number.isSafeInteger(numeric)
    ? await model.query({ client: trx }).where('id', numeric).first()
    : null
  if (!record) throw new RecordNotFoundException()
  assertPartyAccess(actor, (record as any).partyId)
  return record as InstanceType<M>
}

export function snapshot(party: Party) {
  return {
    partyId: party.partyId,
    name: party.name,
    status: party.status,
    entryState: party.entryState,
    registeredNumber: party.registeredNumber,
    vatNumber: party.vatNumber,
    country: party.country,
    proposedPartyId: party.proposedPartyId,
    accessionDate: party.accessionDate,
  }
}
