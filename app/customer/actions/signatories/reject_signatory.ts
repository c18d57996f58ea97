import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import type User from '#core/auth/user'
import ChangeRequest from '#customer/models/change_request'
import { SIGNATORY, assertTransition } from '#customer/journeys/machines'
import { audit } from '#customer/support/audit'
import { closeTasks } from '#customer/support/tasks'
import { ownedRecord } from '#customer/support/parties'
import { RecordNotFoundException } from '#core/auth/party_scope'

/** Refuses a nomination, with a reason; the nominee stays a plain contact. */
export default async function rejectSignatory(
  actor: User,
  requestId: number | string,
  reason: string | null
) {
  return db.transaction(async (trx) => {
    const request = await ownedRecord(actor, ChangeRequest, requestId, trx)
    if (request.subjectType !== 'signatory') throw new RecordNotFoundException()
    assertTransition(SIGNATORY, 'reject_signatory', request.state)
    request.merge({
      state: 'REJECTED',
      decidedBy: actor.id,
      decidedAt: DateTime.utc(),
      decisionReason: reason,
    })
    await request.useTransaction(trx).save()
    await closeTasks(trx, 'signatory', request.id)
    await audit(trx, actor, {
      action: 'signatory.reject',
      subjectType: 'change_request',
      subjectId: request.id,
      partyId: request.partyId,
      before: { state: 'PENDING_APPROVAL' },
      after: { state: 'REJECTED', reason },
    })
    return request
  })
}
