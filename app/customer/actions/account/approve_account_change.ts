import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import type User from '#core/auth/user'
import ChangeRequest from '#customer/models/change_request'
import { CHANGE_REQUEST, assertTransition } from '#customer/journeys/machines'
import { audit } from '#customer/support/audit'
import { applyAccountChange } from '#customer/support/apply_account_change'
import { closeTasks } from '#customer/support/tasks'
import { notifyParty } from '#customer/support/notify_party'
import { ownedRecord } from '#customer/support/parties'
import { NotAllowedError } from '#customer/support/journey_error'

/** The checker applies a prepared My Account change; never the person who prepared it. */
export default async function approveAccountChange(actor: User, requestId: number | string) {
  return db.transaction(async (trx) => {
    const request = await ownedRecord(actor, ChangeRequest, requestId, trx)
    assertTransition(CHANGE_REQUEST, 'approve_account_change', request.state)
    if (request.subjectType === 'signatory')
      throw new NotAllowedError('Signatory nominations are decided on the signatories page')
    if (request.preparedBy === actor.id)
      throw new NotAllowedError('You prepared this change: another signatory must approve it')
    request.merge({ state: 'APPROVED', decidedBy: actor.id, decidedAt: DateTime.utc() })
    await request.useTransaction(trx).save()
    await applyAccountChange(trx, request)
    await closeTasks(trx, 'change_request', request.id)
    if (request.subjectType === 'bank_account') {
      await notifyParty(
        trx,
        request.partyId,
        {
          title: 'Bank details changed',
          body: `Bank details were changed (approved by ${actor.fullName}).`,
          link: '/customer/account',
        },
        { categoryA: true }
      )
    }
    await audit(trx, actor, {
      action: 'account.approve_change',
      subjectType: 'change_request',
      subjectId: request.id,
      partyId: request.partyId,
      before: { state: 'PENDING_APPROVAL' },
      after: { state: 'APPROVED', subjectType: request.subjectType, subjectId: request.subjectId },
    })
    return request
  })
}
