import db from '@adonisjs/lucid/services/db'
import type { Infer } from '@vinejs/vine/types'
import type User from '#core/auth/user'
import { audit } from '#customer/support/audit'
import { partyFor } from '#customer/support/parties'
import { JourneyError } from '#customer/support/journey_error'
import { BINDING_LICENCE } from '#customer/support/exit_checks'
import type { licenceEndValidator } from '#customer/validators/exit_validators'

/**
 * Elexon records that Ofgem revoked the party's licence, that the party
 * surrendered it, or that its application was withdrawn or refused
 * (`application_closed`) (customer.md §10.1 LICENCE_REQUIRES): only then can
 * a licensed party leave.
 */
export default async function recordLicenceEnd(
  actor: User,
  partyId: string,
  input: Infer<typeof licenceEndValidator>
) {
  return db.transaction(async (trx) => {
    const party = await partyFor(actor, partyId, trx)
    if (!party.licenceStatus || !BINDING_LICENCE.includes(party.licenceStatus))
      throw new JourneyError(
        `No licence binds ${party.partyId} (status ${party.licenceStatus ?? 'none'})`
      )
    const before = { licenceStatus: party.licenceStatus, licenceEndedOn: party.licenceEndedOn }
    party.merge({ licenceStatus: input.licenceStatus, licenceEndedOn: input.endedOn })
    await party.useTransaction(trx).save()
    await audit(trx, actor, {
      action: 'party.record_licence_end',
      subjectType: 'party',
      subjectId: party.partyId,
      partyId: party.partyId,
      before,
      after: { ...input },
    })
    return party
  })
}
