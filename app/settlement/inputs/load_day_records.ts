import db from '@adonisjs/lucid/services/db'
import type { BmUnitRecord, DayRecords } from '#rules_runtime/day_records'

/**
 * Reads one settlement day from the input tables into `DayRecords`. A GB day
 * is ~0.5 M rows, so this selects plain rows with the record field names as
 * column aliases (no ORM models, no per-row mapping except SQLite's 0/1
 * booleans). `buildDayInputs` orders rows by explicit keys, so the frames do
 * not depend on how the database returns them.
 */
export class NoInputsError extends Error {
  constructor(readonly settlementDate: string) {
    super(
      `No settlement inputs for ${settlementDate}: import metered volumes (and the other datasets) first`
    )
    this.name = 'NoInputsError'
  }
}

const FLAG_FIELDS = [
  'estimated',
  'deemedBoFlag',
  'soFlag',
  'storFlag',
  'rrFlag',
  'isInterconnector',
  'bsadDefaulted',
  'isTendered',
]

/** SQLite returns booleans as 0/1: records carry real booleans (nulls stay null). */
function withBooleans<T>(rows: T[], fields: string[]): T[] {
  if (rows.length === 0) return rows
  const present = fields.filter((field) => field in (rows[0] as object))
  for (const row of rows as Record<string, unknown>[]) {
    for (const field of present) {
      const value = row[field]
      if (typeof value === 'number') row[field] = value !== 0
    }
  }
  return rows
}

/**
 * Big tables (metered volumes, PN, BOD, BOALF) come in index order: sorting
 * 0.8 M rows by id costs a quarter of the load, and buildDayInputs orders them
 * by their keys, which the import makes unique. Small tables keep insertion order.
 */
function dated(table: string, date: string, columns: string[], inInsertionOrder = true) {
  const query = db.from(table).where('settlement_date', date).select(columns)
  return inInsertionOrder ? query.orderBy('id') : query
}

export async function hasInputs(date: string): Promise<boolean> {
  const row = await db
    .from('settlement_metered_volumes')
    .where('settlement_date', date)
    .select('id')
    .first()
  return Boolean(row)
}

export async function loadDayRecords(date: string, periodMinutes = 30): Promise<DayRecords> {
  if (!(await hasInputs(date))) throw new NoInputsError(date)
  const segment = [
    'time_from as timeFrom',
    'level_from as levelFrom',
    'time_to as timeTo',
    'level_to as levelTo',
  ]
  const perPeriod = ['settlement_period as settlementPeriod']
  // Built up front, awaited one by one: a transaction's connection runs one query at a time.
  const queries = [
    db
      .from('settlement_parties')
      .select('party_id as partyId', 'name as partyName')
      .orderBy('party_id'),
    db
      .from('settlement_accounts')
      .select('account_id as accountId', 'party_id as partyId', 'account_type as accountType')
      .orderBy('account_id'),
    db
      .from('settlement_bm_units as u')
      .leftJoin('settlement_tlfs as t', (join) => {
        join
          .on('t.zone', 'u.gsp_group_id')
          .andOnVal('t.effective_from', '<=', date)
          .andOnVal('t.effective_to', '>=', date)
      })
      .where('u.effective_from', '<=', date)
      .where((query) => query.whereNull('u.effective_to').orWhere('u.effective_to', '>=', date))
      .select(
        'u.bm_unit_id as elexonBmUnit',
        'u.ngc_bm_unit_id as nationalGridBmUnit',
        'u.lead_party_id as leadPartyId',
        'u.bm_unit_type as bmUnitType',
        'u.gsp_group_id as gspGroupId',
        'u.trading_unit_id as tradingUnitId',
        'u.pc_status as productionOrConsumptionFlag',
        'u.is_interconnector as isInterconnector',
        't.tlf as transmissionLossFactor'
      )
      .orderBy('u.bm_unit_id')
      .orderBy('u.effective_from', 'desc'),
    dated(
      'settlement_metered_volumes',
      date,
      ['bm_unit_id as bmUnit', ...perPeriod, 'volume', 'estimated'],
      false
    ),
    dated('settlement_fpns', date, ['bm_unit_id as bmUnit', ...perPeriod, ...segment], false),
    dated(
      'settlement_bods',
      date,
      ['bm_unit_id as bmUnit', ...perPeriod, 'pair_id as pairId', ...segment, 'offer', 'bid'],
      false
    ),
    dated(
      'settlement_acceptances',
      date,
      [
        'bm_unit_id as bmUnit',
        'acceptance_number as acceptanceNumber',
        'acceptance_time as acceptanceTime',
        'deemed_bo_flag as deemedBoFlag',
        'so_flag as soFlag',
        'stor_flag as storFlag',
        'rr_flag as rrFlag',
        ...segment,
      ],
      false
    ),
    dated('settlement_absvd', date, ['bm_unit_id as bmUnit', ...perPeriod, 'volume']),
    dated('settlement_disbsad', date, [
      ...perPeriod,
      'item_id as id',
      'cost',
      'volume',
      'so_flag as soFlag',
      'stor_flag as storFlag',
      'party_id as partyId',
      'asset_id as assetId',
      'is_tendered as isTendered',
      'service',
    ]),
    dated('settlement_netbsad', date, [
      ...perPeriod,
      'net_buy_price_cost_adjustment_energy as netBuyPriceCostAdjustmentEnergy',
      'net_buy_price_volume_adjustment_energy as netBuyPriceVolumeAdjustmentEnergy',
      'net_buy_price_volume_adjustment_system as netBuyPriceVolumeAdjustmentSystem',
      'buy_price_price_adjustment as buyPricePriceAdjustment',
      'net_sell_price_cost_adjustment_energy as netSellPriceCostAdjustmentEnergy',
      'net_sell_price_volume_adjustment_energy as netSellPriceVolumeAdjustmentEnergy',
      'net_sell_price_volume_adjustment_system as netSellPriceVolumeAdjustmentSystem',
      'sell_price_price_adjustment as sellPricePriceAdjustment',
      'bsad_defaulted as bsadDefaulted',
    ]),
    dated('settlement_market_index', date, [
      ...perPeriod,
      'data_provider as dataProvider',
      'price',
      'volume',
    ]),
    dated('settlement_lolp', date, [
      ...perPeriod,
      'lolp as lossOfLoadProbability',
      'demand_control_volume as demandControlVolume',
    ]),
    dated('settlement_ecvns', date, [
      ...perPeriod,
      'from_account as fromAccount',
      'to_account as toAccount',
      'volume',
    ]),
    dated('settlement_mvrns', date, [
      ...perPeriod,
      'bm_unit_id as bmUnit',
      'from_account as fromAccount',
      'to_account as toAccount',
      'fixed_volume as fixedVolume',
      'percentage',
    ]),
    dated('settlement_asset_metered_volumes', date, [
      'bm_unit_id as bmUnit',
      ...perPeriod,
      'volume',
      'supplier_bm_unit_id as supplierBmUnit',
    ]),
  ]
  const results: any[] = []
  for (const query of queries) results.push(await query)
  const [
    parties,
    accounts,
    units,
    meteredVolumes,
    pn,
    bod,
    boalf,
    absvd,
    disbsad,
    netbsad,
    marketIndex,
    lolp,
    ecvn,
    mvrn,
    assetMeteredVolumes,
  ] = results
  // Several registrations of one unit may be in force: the latest effective one wins.
  const bmUnits = withBooleans<BmUnitRecord>(units, FLAG_FIELDS).filter(
    (unit, index) => index === 0 || units[index - 1].elexonBmUnit !== unit.elexonBmUnit
  )
  for (const unit of bmUnits) unit.transmissionLossFactor ??= 0
  return {
    settlementDate: date,
    periodMinutes,
    parties,
    accounts,
    bmUnits,
    meteredVolumes: withBooleans(meteredVolumes, FLAG_FIELDS),
    pn,
    bod,
    boalf: withBooleans(boalf, FLAG_FIELDS),
    absvd,
    disbsad: withBooleans(disbsad, FLAG_FIELDS),
    netbsad: withBooleans(netbsad, FLAG_FIELDS),
    marketIndex,
    lolp,
    ecvn,
    mvrn,
    // P375: absent on days without asset metering, so their input snapshots are unchanged
    ...(assetMeteredVolumes.length ? { assetMeteredVolumes } : {}),
  }
}
