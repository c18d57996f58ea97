import db from '@adonisjs/lucid/services/db'
import type { Infer } from '@vinejs/vine/types'
import type User from '#core/auth/user'
import AssetMeteringSystem from '#customer/models/asset_metering_system'
import { ASSET_METERING, assertTransition } from '#customer/journeys/machines'
import { audit } from '#customer/support/audit'
import { fieldError } from '#customer/support/journey_error'
import { openTask } from '#customer/support/tasks'
import { partyFor } from '#customer/support/parties'
import { today } from '#customer/support/lead_times'
import type { assetMeteringSystemValidator } from '#customer/validators/asset_validators'

/**
 * An Asset Metering System (P375, customer.md §8.3): only a registered AMVLP;
 * the boundary point is one of the party's HH metering systems in the same GSP
 * Group; a named V__ unit must be the party's, in that GSP Group.
 */
export default async function submitAssetMeteringSystem(
  actor: User,
  partyId: string,
  input: Infer<typeof assetMeteringSystemValidator>
) {
  return db.transaction(async (trx) => {
    const party = await partyFor(actor, partyId, trx)
    assertTransition(ASSET_METERING, 'submit_asset_metering_system', null)
    const amvlp = await trx
      .from('customer_party_roles')
      .where('party_id', party.partyId)
      .where('role_code', 'AMVLP')
      .where('status', 'registered')
      .first()
    if (!amvlp)
      fieldError(
        'boundaryMsid',
        'Only a party registered as Asset Metering VLP registers Asset Metering Systems'
      )
    if (!(await trx.from('customer_gsp_groups').where('gsp_group_id', input.gspGroupId).first()))
      fieldError('gspGroupId', `GSP Group ${input.gspGroupId} does not exist`)
    const boundary = await trx
      .from('customer_metering_systems')
      .where('party_id', party.partyId)
      .where('msid', input.boundaryMsid)
      .whereNull('effective_to')
      .first()
    if (!boundary)
      fieldError('boundaryMsid', 'Add the boundary-point MSID to your metering systems first')
    if (boundary.measurement_class !== 'HH')
      fieldError('boundaryMsid', 'The boundary-point Metering System must be half-hourly settled')
    if (boundary.gsp_group_id !== input.gspGroupId)
      fieldError('gspGroupId', `The boundary MSID is in GSP Group ${boundary.gsp_group_id}`)
    if (input.commissionedOn > today())
      fieldError('commissionedOn', 'The meter must be commissioned already')
    if (input.bmUnitId) {
      const unit = await trx
        .from('customer_bm_units')
        .where('bm_unit_id', input.bmUnitId)
        .where('party_id', party.partyId)
        .where('bm_unit_type', 'V')
        .whereIn('status', ['submitted', 'registered'])
        .first()
      if (!unit) fieldError('bmUnitId', `${input.bmUnitId} is not one of your Secondary BM Units`)
      if (unit.gsp_group_id !== input.gspGroupId)
        fieldError(
          'bmUnitId',
          `AMSIDs of one Secondary BM Unit share its GSP Group (${unit.gsp_group_id})`
        )
    }
    const system = await AssetMeteringSystem.create(
      {
        ...input,
        partyId: party.partyId,
        cop11Compliant: true,
        bmUnitId: input.bmUnitId ?? null,
        state: 'SUBMITTED',
        submittedBy: actor.id,
        effectiveTo: null,
        amsid: null,
      },
      { client: trx }
    )
    await openTask(trx, {
      partyId: party.partyId,
      caseType: 'asset_metering_system',
      caseId: system.id,
      kind: 'register_amsid',
      title: 'Register an Asset Metering System',
      reason: `Check agents ${system.moaId}/${system.dcId}, CoP11 compliance and the Meter Technical Details.`,
      assignee: 'operator',
      leadTime: 'accession_check',
    })
    await audit(trx, actor, {
      action: 'amsid.submit',
      subjectType: 'asset_metering_system',
      subjectId: system.id,
      partyId: party.partyId,
      after: system.serialize(),
    })
    return system
  })
}
