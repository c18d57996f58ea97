import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import type User from '#core/auth/user'
import BmUnit from '#customer/models/bm_unit'
import Party from '#customer/models/party'
import { BM_UNIT, assertTransition } from '#customer/journeys/machines'
import { audit } from '#customer/support/audit'
import { closeTasks } from '#customer/support/tasks'
import { ownedRecord } from '#customer/support/parties'
import { notifyParty } from '#customer/support/notify_party'
import { bmUnitPayload, customerEvents } from '#customer/events'

/**
 * SUBMITTED → REGISTERED by the CRA operator. A new unit announces
 * `customer:bm_unit_registered`; a new version ends the previous one the day
 * before and announces `customer:bm_unit_changed`.
 */
export default async function approveBmUnit(actor: User, versionId: number | string) {
  const result = await db.transaction(async (trx) => {
    const unit = await ownedRecord(actor, BmUnit, versionId, trx)
    assertTransition(BM_UNIT, 'approve_bm_unit', unit.status.toUpperCase())
    const previous = await BmUnit.query({ client: trx })
      .where('bm_unit_id', unit.bmUnitId)
      .where('status', 'registered')
      .whereNull('effective_to')
      .whereNot('id', unit.id)
      .first()
    let previousEffectiveTo: string | null = null
    if (previous) {
      previousEffectiveTo = DateTime.fromISO(unit.effectiveFrom, { zone: 'utc' })
        .minus({ days: 1 })
        .toISODate()!
      previous.effectiveTo = previousEffectiveTo
      await previous.useTransaction(trx).save()
    }
    unit.status = 'registered'
    await unit.useTransaction(trx).save()
    await closeTasks(trx, 'bm_unit', unit.id)
    await notifyParty(trx, unit.partyId, {
      title: `BM Unit ${unit.bmUnitId} registered`,
      body: `Effective from ${unit.effectiveFrom}.`,
      link: '/customer/assets',
    })
    await audit(trx, actor, {
      action: 'bm_unit.approve',
      subjectType: 'bm_unit',
      subjectId: unit.id,
      partyId: unit.partyId,
      before: { status: 'submitted' },
      after: { status: 'registered', previousEffectiveTo },
    })
    const party = await Party.query({ client: trx }).where('party_id', unit.partyId).firstOrFail()
    return { unit, party, previous, previousEffectiveTo }
  })
  const payload = bmUnitPayload(result.unit, result.party)
  if (result.previous) {
    await customerEvents.bmUnitChanged({
      ...payload,
      change: 'new_version',
      previousEffectiveTo: result.previousEffectiveTo,
    })
  } else {
    await customerEvents.bmUnitRegistered(payload)
  }
  return result.unit
}
