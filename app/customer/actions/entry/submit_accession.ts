import db from '@adonisjs/lucid/services/db'
import type User from '#core/auth/user'
import { ENTRY, assertTransition } from '#customer/journeys/machines'
import { audit } from '#customer/support/audit'
import { closeTasks, openTask } from '#customer/support/tasks'
import { partyFor } from '#customer/support/parties'
import { notifyParty } from '#customer/support/notify_party'
import { JourneyError } from '#customer/support/journey_error'

/**
 * E4: the preparer sends the complete draft for a Category A decision. Every
 * accession page must be complete; what is missing is listed in the refusal.
 */
export default async function submitAccession(actor: User, partyId: string) {
  return db.transaction(async (trx) => {
    const party = await partyFor(actor, partyId, trx)
    assertTransition(ENTRY, 'submit_accession', party.entryState)
    const missing: string[] = []
    if (!party.registeredNumber) missing.push('registered company number')
    if (!party.vatNumber) missing.push('VAT number (or "Not available")')
    if (!party.registeredAddress) missing.push('registered office address')
    if (!party.proposedPartyId) missing.push('proposed Party ID')
    if (!party.licenceStatus) missing.push('licence status')
    if (!party.agreementDocumentId) missing.push('signed Accession Agreement (PDF)')
    const contacts = await trx
      .from('customer_contacts')
      .where('party_id', party.partyId)
      .whereNot('status', 'end_dated')
      .first()
    if (!contacts) missing.push('at least one contact')
    const bank = await trx
      .from('customer_bank_accounts')
      .where('party_id', party.partyId)
      .where('purpose', 'trading')
      .first()
    if (!bank) missing.push('Trading Charges bank details')
    if (missing.length) throw new JourneyError(`The accession is incomplete: ${missing.join(', ')}`)

    party.merge({
      entryState: 'ACCESSION_PENDING_APPROVAL',
      accessionPreparedBy: actor.id,
      stateReason: null,
    })
    await party.useTransaction(trx).save()
    await closeTasks(trx, 'entry', party.partyId, 'prepare_accession')
    await openTask(trx, {
      partyId: party.partyId,
      caseType: 'entry',
      caseId: party.partyId,
      kind: 'approve_accession_draft',
      title: 'Approve the accession draft',
      reason:
        'A Category A signatory other than the person who prepared it must approve the accession before it goes to Elexon.',
      assignee: 'party',
      leadTime: 'draft_approval',
    })
    await notifyParty(
      trx,
      party.partyId,
      {
        title: 'Accession waiting for your approval',
        body: `${actor.fullName} prepared the accession of ${party.name}.`,
        link: '/customer/accession',
      },
      { categoryA: true, except: actor.id }
    )
    await audit(trx, actor, {
      action: 'entry.submit_accession',
      subjectType: 'party',
      subjectId: party.partyId,
      partyId: party.partyId,
      before: { entryState: 'ACCESSION_DRAFT' },
      after: { entryState: party.entryState, preparedBy: actor.id },
    })
    return party
  })
}
