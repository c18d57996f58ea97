import db from '@adonisjs/lucid/services/db'
import type User from '#core/auth/user'
import BmUnit from '#customer/models/bm_unit'
import { BM_UNIT, assertTransition } from '#customer/journeys/machines'
import { audit } from '#customer/support/audit'
import { closeTasks } from '#customer/support/tasks'
import { ownedRecord } from '#customer/support/parties'
import { notifyParty } from '#customer/support/notify_party'

/** SUBMITTED or AWAITING_NETSO → REJECTED by the operator, with the reason (the id stays used: never reused). */
export default async function rejectBmUnit(
  actor: User,
  versionId: number | string,
  reason: string
) {
  return db.transaction(async (trx) => {
    const unit = await ownedRecord(actor, BmUnit, versionId, trx)
    assertTransition(BM_UNIT, 'reject_bm_unit', unit.status.toUpperCase())
    const before = { status: unit.status }
    unit.merge({ status: 'rejected', stateReason: reason })
    await unit.useTransaction(trx).save()
    await closeTasks(trx, 'bm_unit', unit.id)
    await notifyParty(trx, unit.partyId, {
      title: `BM Unit ${unit.bmUnitId} rejected`,
      body: reason,
      link: `/customer/parties/${unit.partyId}/assets`,
    })
    await audit(trx, actor, {
      action: 'bm_unit.reject',
      subjectType: 'bm_unit',
      subjectId: unit.id,
      partyId: unit.partyId,
      before,
      after: { status: 'rejected', reason },
    })
    return unit
  })
}
