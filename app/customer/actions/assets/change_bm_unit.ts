import db from '@adonisjs/lucid/services/db'
import type { Infer } from '@vinejs/vine/types'
import type User from '#core/auth/user'
import BmUnit from '#customer/models/bm_unit'
import { BM_UNIT, assertTransition } from '#customer/journeys/machines'
import { audit } from '#customer/support/audit'
import { checkBmUnitVersion } from '#customer/support/bm_unit_checks'
import { fieldError, JourneyError } from '#customer/support/journey_error'
import { openTask } from '#customer/support/tasks'
import { ownedRecord, partyFor } from '#customer/support/parties'
import type { bmUnitChangeValidator } from '#customer/validators/asset_validators'

/**
 * A change to a registered unit is a new version from a later date (customer.md
 * §7.5 rule 8); on approval the current version ends the day before.
 */
export default async function changeBmUnit(
  actor: User,
  versionId: number | string,
  input: Infer<typeof bmUnitChangeValidator>
) {
  return db.transaction(async (trx) => {
    const current = await ownedRecord(actor, BmUnit, versionId, trx)
    assertTransition(BM_UNIT, 'change_bm_unit', null)
    if (current.status !== 'registered' || current.effectiveTo)
      throw new JourneyError('Only the open registered version of a unit can be changed')
    if (current.isBase) throw new JourneyError('Base Supplier BM Units are maintained by the CRA')
    if (input.bmUnitType !== current.bmUnitType)
      fieldError('bmUnitType', 'The type of a BM Unit cannot change')
    if (input.effectiveFrom <= current.effectiveFrom)
      fieldError('effectiveFrom', `A new version must start after ${current.effectiveFrom}`)
    const party = await partyFor(actor, current.partyId, trx)
    await checkBmUnitVersion(trx, party, current.bmUnitId, input, current.id)
    const version = await BmUnit.create(
      {
        bmUnitId: current.bmUnitId,
        bmUnitName: input.bmUnitName,
        ngcBmUnitId: input.nationalGridBmUnit ?? null,
        partyId: current.partyId,
        bmUnitType: current.bmUnitType,
        gspGroupId: input.gspGroupId ?? null,
        ldsoPartyId: input.ldsoPartyId ?? null,
        interconnectorId: input.interconnectorId ?? null,
        fuelType: input.fuelType ?? null,
        generationCapacity: input.generationCapacity,
        demandCapacity: input.demandCapacity,
        pcFlag: input.productionOrConsumptionFlag ?? null,
        fpnFlag: input.fpnFlag,
        netsoAgreed: input.netsoAgreed ?? false,
        tradingUnitId: input.tradingUnitId ?? null,
        isBase: false,
        effectiveFrom: input.effectiveFrom,
        effectiveTo: input.effectiveTo ?? null,
        status: 'submitted',
        submittedBy: actor.id,
      },
      { client: trx }
    )
    await openTask(trx, {
      partyId: current.partyId,
      caseType: 'bm_unit',
      caseId: version.id,
      kind: 'validate_bm_unit',
      title: `Validate the change of ${current.bmUnitId}`,
      reason: `New version from ${version.effectiveFrom}.`,
      assignee: 'operator',
      leadTime: 'accession_check',
    })
    await audit(trx, actor, {
      action: 'bm_unit.change',
      subjectType: 'bm_unit',
      subjectId: version.id,
      partyId: current.partyId,
      before: current.serialize(),
      after: version.serialize(),
    })
    return version
  })
}
