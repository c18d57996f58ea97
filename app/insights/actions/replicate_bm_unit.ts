/**
 * Keeps /reference/bmunits/all in step with the customer register: a
 * registered or changed BM Unit is upserted in BmUnitData shape, a
 * deregistered one leaves the current list.
 */
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type { BmUnitChangedPayload, BmUnitRegisteredPayload } from '#customer/index'
import { formatInstant } from '#insights/datasets/instants'
import { findDataset } from '#insights/datasets/registry'
import { buildRow } from '#insights/datasets/row_builder'
import { removeRows, writeRows } from '#insights/datasets/store'
import { announce } from '#insights/push/publish'

/** BmUnitData publishes capacities as text with three decimals ("50.000"). */
const capacity = (mw: number) => mw.toFixed(3)

export async function replicateBmUnit(payload: BmUnitRegisteredPayload | BmUnitChangedPayload) {
  const definition = findDataset('BMUNITS')!
  const event = { source: 'customer', bmUnit: payload.elexonBmUnit }
  if ('change' in payload && payload.change === 'deregistered') {
    await db.transaction((trx) => removeRows(trx, definition, [payload.elexonBmUnit], event))
  } else {
    const values = {
      nationalGridBmUnit: payload.nationalGridBmUnit,
      elexonBmUnit: payload.elexonBmUnit,
      fuelType: payload.fuelType,
      leadPartyName: payload.leadPartyName,
      bmUnitType: payload.bmUnitType,
      fpnFlag: payload.fpnFlag,
      bmUnitName: payload.bmUnitName,
      leadPartyId: payload.leadPartyId,
      demandCapacity: capacity(payload.demandCapacity),
      generationCapacity: capacity(payload.generationCapacity),
      productionOrConsumptionFlag: payload.productionOrConsumptionFlag,
      gspGroupId: payload.gspGroupId,
    }
    const row = buildRow(
      definition,
      { line: 1, values },
      formatInstant(DateTime.utc().startOf('second'))
    )
    await db.transaction((trx) => writeRows(trx, definition, [row], async () => 0, event))
  }
  announce([definition.code])
}
