import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import type User from '#core/auth/user'
import CreditCoverMovement from '#customer/models/credit_cover_movement'
import { CREDIT_COVER, assertTransition } from '#customer/journeys/machines'
import { audit } from '#customer/support/audit'
import { ownedRecord } from '#customer/support/parties'
import { closeTasks } from '#customer/support/tasks'
import { notifyParty } from '#customer/support/notify_party'

/** REQUESTED → REFUSED by the operator, with the reason; the cover stays lodged. */
export default async function refuseCreditWithdrawal(
  actor: User,
  movementId: number | string,
  reason: string
) {
  return db.transaction(async (trx) => {
    const movement = await ownedRecord(actor, CreditCoverMovement, movementId, trx)
    assertTransition(CREDIT_COVER, 'refuse_credit_withdrawal', movement.state)
    movement.merge({
      state: 'REFUSED',
      recordedBy: actor.id,
      decidedAt: DateTime.utc(),
      stateReason: reason,
    })
    await movement.useTransaction(trx).save()
    await closeTasks(trx, 'credit_cover', movement.id)
    await notifyParty(
      trx,
      movement.partyId,
      {
        title: 'Credit Cover withdrawal refused',
        body: reason,
        link: `/customer/parties/${movement.partyId}/credit`,
      },
      { categories: ['A', 'C'] }
    )
    await audit(trx, actor, {
      action: 'credit.refuse_withdrawal',
      subjectType: 'credit_cover_movement',
      subjectId: movement.id,
      partyId: movement.partyId,
      before: { state: 'REQUESTED' },
      after: { state: 'REFUSED', reason },
    })
    return movement
  })
}
