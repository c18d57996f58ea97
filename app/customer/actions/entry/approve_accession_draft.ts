import db from '@adonisjs/lucid/services/db'
import type User from '#core/auth/user'
import { ENTRY, assertTransition } from '#customer/journeys/machines'
import { audit } from '#customer/support/audit'
import { closeTasks, openTask } from '#customer/support/tasks'
import { partyFor } from '#customer/support/parties'
import { NotAllowedError } from '#customer/support/journey_error'

/** Cat A approves the prepared accession (four eyes: never the preparer); it goes to the operator. */
export default async function approveAccessionDraft(actor: User, partyId: string) {
  return db.transaction(async (trx) => {
    const party = await partyFor(actor, partyId, trx)
    assertTransition(ENTRY, 'approve_accession_draft', party.entryState)
    if (party.accessionPreparedBy === actor.id)
      throw new NotAllowedError(
        'You prepared this accession: another Category A signatory must approve it'
      )
    party.merge({ entryState: 'ACCESSION_SUBMITTED', accessionApprovedBy: actor.id })
    await party.useTransaction(trx).save()
    await closeTasks(trx, 'entry', party.partyId, 'approve_accession_draft')
    await openTask(trx, {
      partyId: party.partyId,
      caseType: 'entry',
      caseId: party.partyId,
      kind: 'check_accession',
      title: `Check the accession of ${party.name}`,
      reason:
        'Confirm the agreement is the standard form, signed and undated; allocate the Party ID and date the agreement.',
      assignee: 'operator',
      leadTime: 'accession_check',
    })
    await audit(trx, actor, {
      action: 'entry.approve_accession_draft',
      subjectType: 'party',
      subjectId: party.partyId,
      partyId: party.partyId,
      before: { entryState: 'ACCESSION_PENDING_APPROVAL' },
      after: { entryState: party.entryState, approvedBy: actor.id },
    })
    return party
  })
}
