import type { DayInputs } from '#rules_runtime/frames'
import type { ColumnFrame } from '#rules_runtime/stage'
import type { RowSet } from '#core/db/bulk_insert'
import { roundMoney, roundVolume } from '#rules_runtime/rounding'

/**
 * Relational projections of three frames the API and portal query by period,
 * side or party: `system_prices` (axis period), `stack` (items per period,
 * Insights stack columns, side 0 = offer/buy, 1 = bid/sell) and
 * `party_totals` (axis party: one column per daily charge). Missing columns
 * become nulls, NaN becomes null (the API's "no value"), so a Modification
 * may replace the stages that write them.
 */
const SYSTEM_PRICE_FIELDS = [
  'systemSellPrice',
  'systemBuyPrice',
  'bsadDefaulted',
  'priceDerivationCode',
  'reserveScarcityPrice',
  'netImbalanceVolume',
  'sellPriceAdjustment',
  'buyPriceAdjustment',
  'replacementPrice',
  'replacementPriceReferenceVolume',
  'totalAcceptedOfferVolume',
  'totalAcceptedBidVolume',
  'totalAdjustmentSellVolume',
  'totalAdjustmentBuyVolume',
  'totalSystemTaggedAcceptedOfferVolume',
  'totalSystemTaggedAcceptedBidVolume',
  'totalSystemTaggedAdjustmentSellVolume',
  'totalSystemTaggedAdjustmentBuyVolume',
]

const STACK_FIELDS = [
  'acceptanceId',
  'bidOfferPairId',
  'cadlFlag',
  'soFlag',
  'storProviderFlag',
  'repricedIndicator',
  'reserveScarcityPrice',
  'originalPrice',
  'volume',
  'dmatAdjustedVolume',
  'arbitrageAdjustedVolume',
  'nivAdjustedVolume',
  'parAdjustedVolume',
  'finalPrice',
  'transmissionLossMultiplier',
  'tlmAdjustedVolume',
  'tlmAdjustedCost',
]
const BOOLEAN_FIELDS = new Set([
  'bsadDefaulted',
  'cadlFlag',
  'soFlag',
  'storProviderFlag',
  'repricedIndicator',
])
/** Ids that are indices or numbers in frames use -1 (or NaN) for "none". */
const ID_FIELDS = new Set(['acceptanceId', 'bidOfferPairId'])

export const SIDES = ['offer', 'bid'] as const
export type StackSide = (typeof SIDES)[number]

export function snakeCase(name: string): string {
  return name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`)
}

function cell(frame: ColumnFrame, field: string, row: number): number | string | boolean | null {
  const column = frame.columns[field]
  if (column) {
    const value = column[row]
    if (Number.isNaN(value) || (ID_FIELDS.has(field) && value < 0)) return null
    return BOOLEAN_FIELDS.has(field) ? value !== 0 : value
  }
  return frame.labels?.[field]?.[row] ?? null
}

function startTime(inputs: DayInputs, period: number): string {
  return new Date(inputs.dayStart + (period - 1) * inputs.periodMinutes * 60_000)
    .toISOString()
    .replace('.000Z', 'Z')
}

const SYSTEM_PRICE_COLUMNS = [
  'run_id',
  'settlement_period',
  'start_time',
  ...SYSTEM_PRICE_FIELDS.map(snakeCase),
]

export function systemPriceRows(
  runId: number,
  inputs: DayInputs,
  frame: ColumnFrame | undefined
): RowSet {
  const rows = frame
    ? Array.from({ length: inputs.periods }, (_, slot) => [
        runId,
        slot + 1,
        startTime(inputs, slot + 1),
        ...SYSTEM_PRICE_FIELDS.map((field) => cell(frame, field, slot)),
      ])
    : []
  return { columns: SYSTEM_PRICE_COLUMNS, rows }
}

const STACK_COLUMNS = [
  'run_id',
  'settlement_period',
  'side',
  'sequence_number',
  'id',
  'bm_unit',
  ...STACK_FIELDS.map(snakeCase),
]

/** One row per stack item: 70 000 on a GB day, so rows are built as plain arrays. */
export function stackRows(
  runId: number,
  inputs: DayInputs,
  frame: ColumnFrame | undefined
): RowSet {
  const rows: unknown[][] = []
  if (!frame?.periodOffsets) return { columns: STACK_COLUMNS, rows }
  const { side, sequenceNumber: sequence, bmUnit: unit, volume } = frame.columns
  for (let slot = 0; slot < frame.periodOffsets.length - 1; slot++) {
    const counters = [0, 0]
    for (let x: number = frame.periodOffsets[slot]; x < frame.periodOffsets[slot + 1]; x++) {
      const s = side ? side[x] : (volume?.[x] ?? 0) < 0 ? 1 : 0
      const row: unknown[] = [
        runId,
        slot + 1,
        SIDES[s],
        sequence ? sequence[x] : ++counters[s],
        frame.labels?.id?.[x] ?? null,
        unit && unit[x] >= 0 ? inputs.bmUnits.ids[unit[x]] : null,
      ]
      for (const field of STACK_FIELDS) row.push(cell(frame, field, x))
      rows.push(row)
    }
  }
  return { columns: STACK_COLUMNS, rows }
}

export function partyChargeRows(
  runId: number,
  inputs: DayInputs,
  frame: ColumnFrame | undefined
): RowSet {
  const rows: unknown[][] = []
  if (frame) {
    inputs.parties.ids.forEach((partyId, p) => {
      for (const [charge, column] of Object.entries(frame.columns)) {
        rows.push([runId, partyId, charge, Number.isNaN(column[p]) ? null : column[p]])
      }
    })
  }
  return { columns: ['run_id', 'party_id', 'charge', 'amount'], rows }
}

const COUNTS = new Set(['parties', 'bmUnits', 'periods', 'stackItems'])

/**
 * A headline total as published: counts as they are, volumes (any name with
 * "Volume") to 3 dp, everything else — the daily charges — to 2 dp, so sums
 * of published values carry no binary noise (-894.15, not -894.1499999999994).
 */
export function publishedTotal(name: string, value: number): number {
  if (COUNTS.has(name)) return value
  return /volume/i.test(name) ? roundVolume(value) : roundMoney(value)
}

/** Headline figures of a run, published: each daily charge summed over parties, NIV summed over periods, counts. */
export function runTotals(inputs: DayInputs, frames: Record<string, ColumnFrame>) {
  const totals: Record<string, number> = {
    parties: inputs.parties.ids.length,
    bmUnits: inputs.bmUnits.ids.length,
    periods: inputs.periods,
  }
  const sum = (column: ArrayLike<number>) => {
    let total = 0
    for (let i = 0; i < column.length; i++) if (!Number.isNaN(column[i])) total += column[i]
    return total
  }
  for (const [charge, column] of Object.entries(frames.party_totals?.columns ?? {}))
    totals[charge] = sum(column)
  const niv = frames.system_prices?.columns.netImbalanceVolume
  if (niv) totals.netImbalanceVolume = sum(niv)
  const stack = frames.stack?.periodOffsets
  if (stack) totals.stackItems = stack[stack.length - 1]
  for (const [name, value] of Object.entries(totals)) totals[name] = publishedTotal(name, value)
  return totals
}
