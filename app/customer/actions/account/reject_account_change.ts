import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import type User from '#core/auth/user'
import ChangeRequest from '#customer/models/change_request'
import { CHANGE_REQUEST, assertTransition } from '#customer/journeys/machines'
import { audit } from '#customer/support/audit'
import { closeTasks } from '#customer/support/tasks'
import { ownedRecord } from '#customer/support/parties'
import { NotAllowedError } from '#customer/support/journey_error'

const NEW_RECORD_TABLES: Record<string, string> = {
  contact: 'customer_contacts',
  bank_account: 'customer_bank_accounts',
}

/** The checker refuses a prepared change; a record created by it is marked rejected. */
export default async function rejectAccountChange(
  actor: User,
  requestId: number | string,
  reason: string | null
) {
  return db.transaction(async (trx) => {
    const request = await ownedRecord(actor, ChangeRequest, requestId, trx)
    assertTransition(CHANGE_REQUEST, 'reject_account_change', request.state)
    if (request.subjectType === 'signatory')
      throw new NotAllowedError('Signatory nominations are decided on the signatories page')
    request.merge({
      state: 'REJECTED',
      decidedBy: actor.id,
      decidedAt: DateTime.utc(),
      decisionReason: reason,
    })
    await request.useTransaction(trx).save()
    const table = NEW_RECORD_TABLES[request.subjectType]
    if (table && request.subjectId) {
      await trx
        .from(table)
        .where('id', Number(request.subjectId))
        .where('status', 'pending_approval')
        .update({ status: 'rejected' })
    }
    await closeTasks(trx, 'change_request', request.id)
    await audit(trx, actor, {
      action: 'account.reject_change',
      subjectType: 'change_request',
      subjectId: request.id,
      partyId: request.partyId,
      before: { state: 'PENDING_APPROVAL' },
      after: { state: 'REJECTED', reason },
    })
    return request
  })
}
