import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import type User from '#core/auth/user'
import SignatoryConfirmation from '#customer/models/signatory_confirmation'
import { SIGNATORY_CONFIRMATION, assertTransition } from '#customer/journeys/machines'
import { audit } from '#customer/support/audit'
import { ownedRecord } from '#customer/support/parties'
import { closeTasks } from '#customer/support/tasks'
import { authorisedPersons } from '#customer/support/authorised_persons'
import { today } from '#customer/support/lead_times'

/**
 * A Cat A confirms the list of authorised persons (customer.md §6.1), as it
 * stands today (corrections are made first with the signatory transitions);
 * the audit keeps the list confirmed.
 */
export default async function confirmSignatories(
  actor: User,
  confirmationId: number | string,
  note: string | null
) {
  return db.transaction(async (trx) => {
    const confirmation = await ownedRecord(actor, SignatoryConfirmation, confirmationId, trx)
    assertTransition(SIGNATORY_CONFIRMATION, 'confirm_signatories', confirmation.state)
    const before = { state: confirmation.state }
    confirmation.merge({
      state: 'CONFIRMED',
      confirmedBy: actor.id,
      confirmedAt: DateTime.utc(),
      note,
    })
    await confirmation.useTransaction(trx).save()
    await closeTasks(trx, 'signatory_confirmation', confirmation.id)
    await audit(trx, actor, {
      action: 'signatory.confirm_list',
      subjectType: 'signatory_confirmation',
      subjectId: confirmation.id,
      partyId: confirmation.partyId,
      before,
      after: {
        state: 'CONFIRMED',
        note,
        authorisedPersons: await authorisedPersons(trx, confirmation.partyId, today()),
      },
    })
    return confirmation
  })
}
