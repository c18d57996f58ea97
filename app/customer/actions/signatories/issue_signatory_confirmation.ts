import db from '@adonisjs/lucid/services/db'
import Party from '#customer/models/party'
import SignatoryConfirmation from '#customer/models/signatory_confirmation'
import { SIGNATORY_CONFIRMATION, assertTransition } from '#customer/journeys/machines'
import { audit } from '#customer/support/audit'
import { authorisedPersons } from '#customer/support/authorised_persons'
import { applyLeadTime, leadTimeOn, today } from '#customer/support/lead_times'
import { openTask } from '#customer/support/tasks'
import { notify } from '#core/notifications/notify'
import UserModel from '#core/auth/user'

/**
 * The yearly confirmation of a party's authorised persons (customer.md §6.1),
 * run by `customer:daily`: once the dated cycle has passed since the last one
 * (or since accession), the list as it stands goes to the longest-serving
 * Category A, and the party gets a task due after `signatory_confirmation_due`.
 * Null when nothing is due.
 */
export default async function issueSignatoryConfirmation(partyId: string, onDate = today()) {
  return db.transaction(async (trx) => {
    assertTransition(SIGNATORY_CONFIRMATION, 'issue_signatory_confirmation', null)
    const party = await Party.query({ client: trx })
      .where('party_id', partyId)
      .forUpdate()
      .firstOrFail()
    if (!party.accessionDate || party.status === 'withdrawn') return null
    const cycle = await leadTimeOn('signatory_confirmation_cycle', onDate, trx)
    const answerIn = await leadTimeOn('signatory_confirmation_due', onDate, trx)
    if (!cycle || !answerIn) return null
    const last = await SignatoryConfirmation.query({ client: trx })
      .where('party_id', partyId)
      .orderBy('issued_on', 'desc')
      .first()
    if (last && last.state !== 'CONFIRMED') return null
    if (applyLeadTime(cycle, last?.issuedOn ?? party.accessionDate) > onDate) return null

    const persons = await authorisedPersons(trx, partyId, onDate)
    const addressee = persons.find((p) => p.categories.some((c) => c.category === 'A'))
    if (!addressee) return null
    const dueOn = applyLeadTime(answerIn, onDate)
    const confirmation = await SignatoryConfirmation.create(
      {
        partyId,
        state: 'DUE',
        issuedOn: onDate,
        dueOn,
        authorisedPersons: persons,
        addressedTo: addressee.userId,
      },
      { client: trx }
    )
    await openTask(trx, {
      partyId,
      caseType: 'signatory_confirmation',
      caseId: confirmation.id,
      kind: 'confirm_signatories',
      title: 'Confirm your authorised signatories',
      reason: `The yearly check of who may act for ${party.name}: confirm the list, or correct it first (end-date, nominate).`,
      assignee: 'party',
      dueOn,
    })
    const list = persons
      .map((p) => `${p.fullName} (${p.categories.map((c) => c.category).join(', ')})`)
      .join('; ')
    await notify(
      await UserModel.findOrFail(addressee.userId, { client: trx }),
      {
        title: 'Annual confirmation of your authorised signatories',
        body: `Please confirm by ${dueOn} who may act for ${party.name}: ${list}.`,
        link: `/customer/parties/${partyId}/signatories`,
      },
      { client: trx }
    )
    await audit(trx, null, {
      action: 'signatory.issue_confirmation',
      subjectType: 'signatory_confirmation',
      subjectId: confirmation.id,
      partyId,
      after: { state: 'DUE', issuedOn: onDate, dueOn, addressedTo: addressee.userId },
    })
    return confirmation
  })
}
