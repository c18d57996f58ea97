import db from '@adonisjs/lucid/services/db'
import type User from '#core/auth/user'
import AssetMeteringSystem from '#customer/models/asset_metering_system'
import { ASSET_METERING, assertTransition } from '#customer/journeys/machines'
import { audit } from '#customer/support/audit'
import { closeTasks } from '#customer/support/tasks'
import { ownedRecord } from '#customer/support/parties'

/** The operator rejects a submitted AMSID with the reason. */
export default async function rejectAssetMeteringSystem(
  actor: User,
  id: number | string,
  reason: string
) {
  return db.transaction(async (trx) => {
    const system = await ownedRecord(actor, AssetMeteringSystem, id, trx)
    assertTransition(ASSET_METERING, 'reject_asset_metering_system', system.state)
    system.merge({ state: 'REJECTED', stateReason: reason })
    await system.useTransaction(trx).save()
    await closeTasks(trx, 'asset_metering_system', system.id)
    await audit(trx, actor, {
      action: 'amsid.reject',
      subjectType: 'asset_metering_system',
      subjectId: system.id,
      partyId: system.partyId,
      before: { state: 'SUBMITTED' },
      after: { state: 'REJECTED', reason },
    })
    return system
  })
}
