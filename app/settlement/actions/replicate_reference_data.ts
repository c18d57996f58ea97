import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type {
  BmUnitChangedPayload,
  BmUnitRegisteredPayload,
  PartyRegisteredPayload,
} from '#customer/index'

/**
 * Settlement reference data follows the customer register (settlement.md
 * §4.1): a registered party becomes a settlement party with its energy
 * accounts (P/C, or a VLP's VBA); each BM Unit version becomes a dated row
 * with its P/C status and trading unit. Upserts by key, so an event handled
 * twice, or data also imported by file, leaves one row.
 */
const ACCOUNT_TYPES = new Set(['P', 'C', 'VBA'])

/** Insert, or on a key conflict update `update` (the other columns by default; [] leaves the row alone). */
async function upsert(
  trx: TransactionClientContract,
  table: string,
  row: Record<string, unknown>,
  key: string[],
  update: string[] | Record<string, unknown> = Object.keys(row).filter(
    (column) => !key.includes(column)
  )
) {
  const query = trx.insertQuery().table(table).insert(row).knexQuery.onConflict(key)
  const empty = Array.isArray(update) ? !update.length : !Object.keys(update).length
  await (empty ? query.ignore() : query.merge(update))
}

export async function replicateParty(payload: PartyRegisteredPayload) {
  await db.transaction(async (trx) => {
    await upsert(
      trx,
      'settlement_parties',
      {
        party_id: payload.partyId,
        name: payload.partyName,
        roles: JSON.stringify(payload.roles.map((role) => role.roleCode)),
      },
      ['party_id']
    )
    for (const account of payload.energyAccounts) {
      if (!ACCOUNT_TYPES.has(account.accountType)) continue
      await upsert(
        trx,
        'settlement_accounts',
        {
          account_id: account.accountId,
          party_id: payload.partyId,
          account_type: account.accountType,
        },
        ['account_id']
      )
    }
  })
}

/**
 * The P/C status settlement uses for the unit: its P/C flag when set; with a
 * null flag the BSC decides dynamically from credit-assessment data the
 * register does not hold, so the declared capacities decide here (Production
 * when the generation capacity exceeds the demand capacity's magnitude).
 */
export function pcStatusOf(unit: BmUnitRegisteredPayload): 'P' | 'C' {
  if (unit.productionOrConsumptionFlag) return unit.productionOrConsumptionFlag
  return unit.generationCapacity > Math.abs(unit.demandCapacity) ? 'P' : 'C'
}

export async function replicateBmUnitVersion(
  payload: BmUnitRegisteredPayload | BmUnitChangedPayload
) {
  await db.transaction(async (trx) => {
    // A unit may announce a lead party settlement has not heard of yet (registered before this listener).
    await upsert(
      trx,
      'settlement_parties',
      { party_id: payload.leadPartyId, name: payload.leadPartyName, roles: '[]' },
      ['party_id'],
      []
    )
    if ('change' in payload && payload.change === 'new_version' && payload.previousEffectiveTo) {
      await trx
        .from('settlement_bm_units')
        .where('bm_unit_id', payload.elexonBmUnit)
        .where('effective_from', '<', payload.effectiveFrom)
        .where((open) =>
          open.whereNull('effective_to').orWhere('effective_to', '>', payload.previousEffectiveTo!)
        )
        .update({ effective_to: payload.previousEffectiveTo })
    }
    const columns = {
      ngc_bm_unit_id: payload.nationalGridBmUnit,
      lead_party_id: payload.leadPartyId,
      bm_unit_type: payload.bmUnitType,
      gsp_group_id: payload.gspGroupId,
      trading_unit_id: payload.tradingUnitId,
      pc_status: pcStatusOf(payload),
      is_interconnector: payload.bmUnitType === 'I',
      fuel_type: payload.fuelType,
      effective_to: payload.effectiveTo,
    }
    const key = { bm_unit_id: payload.elexonBmUnit, effective_from: payload.effectiveFrom }
    // A replayed event never reopens a version a later one has ended.
    await upsert(trx, 'settlement_bm_units', { ...key, ...columns }, Object.keys(key), {
      ...columns,
      effective_to: trx.knexRawQuery(
        'coalesce(excluded.effective_to, settlement_bm_units.effective_to)'
      ),
    })
  })
}
