import { DateTime } from 'luxon'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import BmUnit from '#customer/models/bm_unit'
import Party from '#customer/models/party'
import { bmUnitPayload, customerEvents } from '#customer/events'
import { closeTasks } from './tasks.js'
import { notifyParty } from './notify_party.js'

/**
 * Registering a BM Unit version (customer.md §7.5), shared by the CRA's
 * approval and the NETSO step: a new version ends the previous open one the
 * day before it starts. The events go out after the commit (`announce`).
 */
export function needsNetso(unit: BmUnit) {
  return unit.bmUnitType !== 'V' && unit.fpnFlag
}

/** The NETSO agreement already recorded on an earlier registered version of the unit, if any. */
export function earlierNetsoAgreement(trx: TransactionClientContract, unit: BmUnit) {
  return BmUnit.query({ client: trx })
    .where('bm_unit_id', unit.bmUnitId)
    .where('status', 'registered')
    .whereNotNull('netso_agreed_on')
    .whereNot('id', unit.id)
    .orderBy('effective_from', 'desc')
    .first()
}

export async function registerVersion(trx: TransactionClientContract, unit: BmUnit) {
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
    link: `/customer/parties/${unit.partyId}/assets`,
  })
  const party = await Party.query({ client: trx }).where('party_id', unit.partyId).firstOrFail()
  return { unit, party, isChange: !!previous, previousEffectiveTo }
}

export async function announce(registered: Awaited<ReturnType<typeof registerVersion>>) {
  const payload = bmUnitPayload(registered.unit, registered.party)
  if (registered.isChange) {
    await customerEvents.bmUnitChanged({
      ...payload,
      change: 'new_version',
      previousEffectiveTo: registered.previousEffectiveTo,
    })
  } else {
    await customerEvents.bmUnitRegistered(payload)
  }
}
