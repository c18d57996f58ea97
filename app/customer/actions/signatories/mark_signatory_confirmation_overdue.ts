import db from '@adonisjs/lucid/services/db'
import SignatoryConfirmation from '#customer/models/signatory_confirmation'
import { SIGNATORY_CONFIRMATION, assertTransition } from '#customer/journeys/machines'
import { audit } from '#customer/support/audit'
import { openTask } from '#customer/support/tasks'
import { today } from '#customer/support/lead_times'

/**
 * DUE → OVERDUE once the due date has passed (customer.md §6.1): the operator
 * dashboard counts it and the work queue gets a task to chase the party.
 */
export default async function markSignatoryConfirmationOverdue(id: number, onDate = today()) {
  return db.transaction(async (trx) => {
    const confirmation = await SignatoryConfirmation.query({ client: trx })
      .where('id', id)
      .forUpdate()
      .firstOrFail()
    if (confirmation.state !== 'DUE' || confirmation.dueOn >= onDate) return null
    assertTransition(
      SIGNATORY_CONFIRMATION,
      'mark_signatory_confirmation_overdue',
      confirmation.state
    )
    confirmation.state = 'OVERDUE'
    await confirmation.useTransaction(trx).save()
    const party = await trx.from('customer_parties').where('party_id', confirmation.partyId).first()
    await openTask(trx, {
      partyId: confirmation.partyId,
      caseType: 'signatory_confirmation',
      caseId: confirmation.id,
      kind: 'chase_signatory_confirmation',
      title: `Chase the signatory confirmation of ${party?.name ?? confirmation.partyId}`,
      reason: `Issued ${confirmation.issuedOn}, due ${confirmation.dueOn}, not confirmed.`,
      assignee: 'operator',
    })
    await audit(trx, null, {
      action: 'signatory.confirmation_overdue',
      subjectType: 'signatory_confirmation',
      subjectId: confirmation.id,
      partyId: confirmation.partyId,
      before: { state: 'DUE' },
      after: { state: 'OVERDUE', dueOn: confirmation.dueOn },
    })
    return confirmation
  })
}
