import db from '@adonisjs/lucid/services/db'
import type User from '#core/auth/user'
import { ENTRY, assertTransition } from '#customer/journeys/machines'
import { audit } from '#customer/support/audit'
import { closeTasks, openTask } from '#customer/support/tasks'
import { partyFor } from '#customer/support/parties'

/** Cat A sends the prepared accession back to the draft, with the reason. */
export default async function rejectAccessionDraft(actor: User, partyId: string, reason: string) {
  return db.transaction(async (trx) => {
    const party = await partyFor(actor, partyId, trx)
    assertTransition(ENTRY, 'reject_accession_draft', party.entryState)
    party.merge({ entryState: 'ACCESSION_DRAFT', stateReason: reason })
    await party.useTransaction(trx).save()
    await closeTasks(trx, 'entry', party.partyId, 'approve_accession_draft')
    await openTask(trx, {
      partyId: party.partyId,
      caseType: 'entry',
      caseId: party.partyId,
      kind: 'prepare_accession',
      title: 'Rework the accession',
      reason: `Returned by a Category A signatory: ${reason}`,
      assignee: 'party',
    })
    await audit(trx, actor, {
      action: 'entry.reject_accession_draft',
      subjectType: 'party',
      subjectId: party.partyId,
      partyId: party.partyId,
      before: { entryState: 'ACCESSION_PENDING_APPROVAL' },
      after: { entryState: party.entryState, reason },
    })
    return party
  })
}
