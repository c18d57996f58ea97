import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import type User from '#core/auth/user'
import { seesAllParties } from '#core/auth/roles'
import ChangeRequest from '#customer/models/change_request'
import { SIGNATORY, assertTransition } from '#customer/journeys/machines'
import { audit } from '#customer/support/audit'
import { applySignatory } from '#customer/support/apply_signatory'
import { closeTasks } from '#customer/support/tasks'
import { ownedRecord } from '#customer/support/parties'
import { JourneyError, NotAllowedError } from '#customer/support/journey_error'
import { RecordNotFoundException } from '#core/auth/party_scope'

/**
 * Approves a nomination: the first Cat A by the operator (on the Director's
 * Letter), any other by a Cat A who is neither the proposer nor the nominee.
 */
export default async function approveSignatory(actor: User, requestId: number | string) {
  return db.transaction(async (trx) => {
    const request = await ownedRecord(actor, ChangeRequest, requestId, trx)
    if (request.subjectType !== 'signatory') throw new RecordNotFoundException()
    assertTransition(SIGNATORY, 'approve_signatory', request.state)
    const first = request.approverCategories.includes('OPERATOR')
    if (first !== seesAllParties(actor.role)) {
      throw new NotAllowedError(
        first
          ? "The first Category A is activated by Elexon on the Director's Letter"
          : 'A Category A signatory of the party approves this nomination'
      )
    }
    if (request.preparedBy === actor.id)
      throw new NotAllowedError('You proposed this nomination: another Category A must approve it')
    if (request.change.email === actor.email.toLowerCase())
      throw new NotAllowedError('Nobody approves their own nomination')
    if (request.change.startDate < DateTime.utc().toISODate()! && !first)
      throw new JourneyError('The start date has passed: nominate again with a new date')

    request.merge({ state: 'APPROVED', decidedBy: actor.id, decidedAt: DateTime.utc() })
    await request.useTransaction(trx).save()
    const user = await applySignatory(trx, request, actor.id)
    await closeTasks(trx, 'signatory', request.id)
    await audit(trx, actor, {
      action: 'signatory.approve',
      subjectType: 'change_request',
      subjectId: request.id,
      partyId: request.partyId,
      before: { state: 'PENDING_APPROVAL' },
      after: {
        state: 'APPROVED',
        userId: user.id,
        categories: request.change.categories,
        startDate: request.change.startDate,
      },
    })
    return request
  })
}
