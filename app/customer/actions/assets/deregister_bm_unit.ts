import db from '@adonisjs/lucid/services/db'
import type User from '#core/auth/user'
import BmUnit from '#customer/models/bm_unit'
import Party from '#customer/models/party'
import { BM_UNIT, assertTransition } from '#customer/journeys/machines'
import { audit } from '#customer/support/audit'
import { ownedRecord } from '#customer/support/parties'
import { fieldError, JourneyError } from '#customer/support/journey_error'
import { bmUnitPayload, customerEvents } from '#customer/events'

/** REGISTERED → DEREGISTERED from a date; MSID Pairs and AMSIDs on the unit end with it. Base units leave only with the Supplier Id. */
export default async function deregisterBmUnit(
  actor: User,
  versionId: number | string,
  effectiveTo: string,
  reason: string
) {
  const result = await db.transaction(async (trx) => {
    const unit = await ownedRecord(actor, BmUnit, versionId, trx)
    assertTransition(BM_UNIT, 'deregister_bm_unit', unit.status.toUpperCase())
    if (unit.isBase) throw new JourneyError('Base BM Units cannot be deregistered on their own')
    if (effectiveTo < unit.effectiveFrom)
      fieldError('effectiveTo', `Must not be before ${unit.effectiveFrom}`)
    const before = unit.serialize()
    unit.merge({ effectiveTo, status: 'deregistered', stateReason: reason })
    await unit.useTransaction(trx).save()
    await trx
      .from('customer_msid_pairs')
      .where('bm_unit_id', unit.bmUnitId)
      .where('status', 'accepted')
      .where((q) => q.whereNull('effective_to').orWhere('effective_to', '>', effectiveTo))
      .update({ effective_to: effectiveTo })
    await trx
      .from('customer_asset_metering_systems')
      .where('bm_unit_id', unit.bmUnitId)
      .where('state', 'ALLOCATED')
      .update({ state: 'REGISTERED', bm_unit_id: null })
    await audit(trx, actor, {
      action: 'bm_unit.deregister',
      subjectType: 'bm_unit',
      subjectId: unit.id,
      partyId: unit.partyId,
      before,
      after: unit.serialize(),
    })
    return {
      unit,
      party: await Party.query({ client: trx }).where('party_id', unit.partyId).firstOrFail(),
    }
  })
  await customerEvents.bmUnitChanged({
    ...bmUnitPayload(result.unit, result.party),
    change: 'deregistered',
    previousEffectiveTo: null,
  })
  return result.unit
}
