import db from '@adonisjs/lucid/services/db'
import type User from '#core/auth/user'
import { ENTRY, assertTransition } from '#customer/journeys/machines'
import { audit } from '#customer/support/audit'
import { closeTasks, openTask } from '#customer/support/tasks'
import { partyFor } from '#customer/support/parties'
import { notifyParty } from '#customer/support/notify_party'

/** E5: the operator returns the accession to the draft with a mandatory reason. */
export default async function returnAccession(actor: User, partyId: string, reason: string) {
  return db.transaction(async (trx) => {
    const party = await partyFor(actor, partyId, trx)
    assertTransition(ENTRY, 'return_accession', party.entryState)
    party.merge({ entryState: 'ACCESSION_DRAFT', stateReason: reason })
    await party.useTransaction(trx).save()
    await closeTasks(trx, 'entry', party.partyId, 'check_accession')
    await openTask(trx, {
      partyId: party.partyId,
      caseType: 'entry',
      caseId: party.partyId,
      kind: 'prepare_accession',
      title: 'Correct the accession',
      reason: `Returned by Elexon: ${reason}`,
      assignee: 'party',
    })
    await notifyParty(trx, party.partyId, {
      title: 'Accession returned',
      body: `Elexon returned the accession: ${reason}`,
      link: '/customer/accession',
    })
    await audit(trx, actor, {
      action: 'entry.return_accession',
      subjectType: 'party',
      subjectId: party.partyId,
      partyId: party.partyId,
      before: { entryState: 'ACCESSION_SUBMITTED' },
      after: { entryState: party.entryState, reason },
    })
    return party
  })
}
