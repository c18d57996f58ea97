import db from '@adonisjs/lucid/services/db'
import type User from '#core/auth/user'
import AssetMeteringSystem from '#customer/models/asset_metering_system'
import { ASSET_METERING, assertTransition } from '#customer/journeys/machines'
import { audit } from '#customer/support/audit'
import { closeTasks } from '#customer/support/tasks'
import { ownedRecord } from '#customer/support/parties'
import { notifyParty } from '#customer/support/notify_party'

/** The operator registers an AMSID: system-assigned, never reused; ALLOCATED when a V__ unit was named. */
export default async function approveAssetMeteringSystem(actor: User, id: number | string) {
  return db.transaction(async (trx) => {
    const system = await ownedRecord(actor, AssetMeteringSystem, id, trx)
    assertTransition(ASSET_METERING, 'approve_asset_metering_system', system.state)
    system.merge({
      amsid: `AMS${String(system.id).padStart(10, '0')}`,
      state: system.bmUnitId ? 'ALLOCATED' : 'REGISTERED',
    })
    await system.useTransaction(trx).save()
    await closeTasks(trx, 'asset_metering_system', system.id)
    await notifyParty(trx, system.partyId, {
      title: `Asset Metering System ${system.amsid} registered`,
      body: `Behind ${system.boundaryMsid} (${system.direction}).`,
      link: '/customer/assets',
    })
    await audit(trx, actor, {
      action: 'amsid.approve',
      subjectType: 'asset_metering_system',
      subjectId: system.id,
      partyId: system.partyId,
      before: { state: 'SUBMITTED' },
      after: { state: system.state, amsid: system.amsid },
    })
    return system
  })
}
