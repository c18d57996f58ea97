import db from '@adonisjs/lucid/services/db'
import type User from '#core/auth/user'
import BmUnit from '#customer/models/bm_unit'
import { BM_UNIT, assertTransition } from '#customer/journeys/machines'
import { audit } from '#customer/support/audit'
import { ownedRecord } from '#customer/support/parties'
import { JourneyError } from '#customer/support/journey_error'
import {
  announce,
  earlierNetsoAgreement,
  needsNetso,
  registerVersion,
} from '#customer/support/bm_unit_registration'

/**
 * SUBMITTED → REGISTERED by the CRA operator. A Primary unit with FPN flag Y
 * goes through AWAITING_NETSO instead, unless an earlier version of the unit
 * already has the NETSO agreement recorded (it is carried over). A new unit
 * announces `customer:bm_unit_registered`; a new version `customer:bm_unit_changed`.
 */
export default async function approveBmUnit(actor: User, versionId: number | string) {
  const registered = await db.transaction(async (trx) => {
    const unit = await ownedRecord(actor, BmUnit, versionId, trx)
    assertTransition(BM_UNIT, 'approve_bm_unit', unit.status.toUpperCase())
    if (needsNetso(unit)) {
      const earlier = await earlierNetsoAgreement(trx, unit)
      if (!earlier)
        throw new JourneyError(
          'A Primary BM Unit with FPN flag Y needs the NETSO agreement: refer it to the NETSO step'
        )
      unit.merge({
        netsoAgreedOn: earlier.netsoAgreedOn,
        netsoReference: earlier.netsoReference,
        netsoDocumentId: earlier.netsoDocumentId,
      })
    }
    const result = await registerVersion(trx, unit)
    await audit(trx, actor, {
      action: 'bm_unit.approve',
      subjectType: 'bm_unit',
      subjectId: unit.id,
      partyId: unit.partyId,
      before: { status: 'submitted' },
      after: {
        status: 'registered',
        previousEffectiveTo: result.previousEffectiveTo,
        netsoReference: unit.netsoReference,
      },
    })
    return result
  })
  await announce(registered)
  return registered.unit
}
