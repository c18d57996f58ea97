import db from '@adonisjs/lucid/services/db'
import type { Infer } from '@vinejs/vine/types'
import type User from '#core/auth/user'
import BmUnit from '#customer/models/bm_unit'
import { BM_UNIT, assertTransition } from '#customer/journeys/machines'
import { audit } from '#customer/support/audit'
import { checkBmUnitVersion } from '#customer/support/bm_unit_checks'
import { fieldError } from '#customer/support/journey_error'
import { openTask } from '#customer/support/tasks'
import { partyFor } from '#customer/support/parties'
import type { bmUnitValidator } from '#customer/validators/asset_validators'

/** A new BM Unit registration (BSCP15, customer.md §7): SUBMITTED for the operator to validate. Ids are never reused. */
export default async function submitBmUnit(
  actor: User,
  partyId: string,
  input: Infer<typeof bmUnitValidator>
) {
  return db.transaction(async (trx) => {
    const party = await partyFor(actor, partyId, trx)
    assertTransition(BM_UNIT, 'submit_bm_unit', null)
    if (await trx.from('customer_bm_units').where('bm_unit_id', input.bmUnitId).first()) {
      fieldError(
        'bmUnitId',
        `${input.bmUnitId} is already registered or was used before (BM Unit ids are never reused)`,
        'unique'
      )
    }
    await checkBmUnitVersion(trx, party, input.bmUnitId, input)
    const unit = await BmUnit.create(
      {
        bmUnitId: input.bmUnitId,
        bmUnitName: input.bmUnitName,
        ngcBmUnitId: input.nationalGridBmUnit ?? null,
        partyId: party.partyId,
        bmUnitType: input.bmUnitType,
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
      partyId: party.partyId,
      caseType: 'bm_unit',
      caseId: unit.id,
      kind: 'validate_bm_unit',
      title: `Validate BM Unit ${unit.bmUnitId}`,
      reason: `Check the registration of ${unit.bmUnitName} (type ${unit.bmUnitType}) from ${unit.effectiveFrom}.`,
      assignee: 'operator',
      leadTime: 'accession_check',
    })
    await audit(trx, actor, {
      action: 'bm_unit.submit',
      subjectType: 'bm_unit',
      subjectId: unit.id,
      partyId: party.partyId,
      after: unit.serialize(),
    })
    return unit
  })
}
