import db from '@adonisjs/lucid/services/db'
import type { Infer } from '@vinejs/vine/types'
import type User from '#core/auth/user'
import { audit } from '#customer/support/audit'
import { partyFor, snapshot } from '#customer/support/parties'
import { fieldError, JourneyError } from '#customer/support/journey_error'
import type { accessionDetailsValidator } from '#customer/validators/entry_validators'

/**
 * Accession pages 1–2 (customer.md §4.1) while the draft is open. The proposed
 * Party ID must not be in use, nor have been used before (never reused).
 */
export default async function saveAccessionDetails(
  actor: User,
  partyId: string,
  input: Infer<typeof accessionDetailsValidator>
) {
  return db.transaction(async (trx) => {
    const party = await partyFor(actor, partyId, trx)
    if (party.entryState !== 'ACCESSION_DRAFT')
      throw new JourneyError(
        `The accession can only be edited as a draft (now ${party.entryState})`
      )
    if (await trx.from('customer_parties').where('party_id', input.proposedPartyId).first()) {
      fieldError(
        'proposedPartyId',
        `Party ID ${input.proposedPartyId} is already used (Party IDs are never reused)`,
        'unique'
      )
    }
    const before = snapshot(party)
    party.merge({
      name: input.name,
      country: input.country,
      registeredNumber: input.registeredNumber,
      vatNumber: input.vatNumber,
      licenceStatus: input.licenceStatus,
      licenceNumber: input.licenceNumber ?? null,
      proposedPartyId: input.proposedPartyId,
      registeredAddress: input.registeredAddress,
      correspondenceAddress: input.correspondenceAddress ?? input.registeredAddress,
      invoiceAddress: input.invoiceAddress ?? input.registeredAddress,
    })
    await party.useTransaction(trx).save()
    await audit(trx, actor, {
      action: 'entry.save_accession_details',
      subjectType: 'party',
      subjectId: party.partyId,
      partyId: party.partyId,
      before,
      after: snapshot(party),
    })
    return party
  })
}
