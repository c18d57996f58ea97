import db from '@adonisjs/lucid/services/db'
import type { ColumnFrame } from '#rules_runtime/stage'
import { roundMoney, roundVolume } from '#rules_runtime/rounding'
import { loadRunFrames } from '#settlement/runs/frame_store'
import { SIDES, type StackSide } from '#settlement/runs/result_tables'
import { findRun } from './runs.js'

/**
 * Per-BM-Unit outputs of a run in the shapes Insights republishes (Elexon
 * DISPTAV IndicativeVolumeResponse, EBOCF IndicativeCashflowResponse, BOAV
 * AcceptanceVolumeResponse; `settlementDate` is added by the caller). They
 * come from the run's `acceptance_volumes` frame: one row per acceptance ×
 * bid-offer pair with its offer volume (≥ 0), bid volume (≤ 0) and prices.
 * Pair −n is `negative<n>`, pair n `positive<n>`; Elexon publishes pairs
 * −6…+6, so totals include every pair but `pairVolumes` only those six.
 * DISPTAV rows are the accepted volumes as computed (`dataType` Original);
 * volumes are published to 3 dp, cashflows to 2 dp.
 */
export type PairValues = Record<string, number | null>

const PUBLISHED_PAIRS = 6

function emptyPairs(): PairValues {
  const pairs: PairValues = {}
  for (let n = 1; n <= PUBLISHED_PAIRS; n++) {
    pairs[`negative${n}`] = null
    pairs[`positive${n}`] = null
  }
  return pairs
}

const pairKey = (pair: number) =>
  Math.abs(pair) > PUBLISHED_PAIRS ? null : pair < 0 ? `negative${-pair}` : `positive${pair}`

interface Accepted {
  period: number
  unit: number
  acceptanceNumber: number
  pair: number
  volume: number
  price: number
}

/** The run's accepted volumes of one side with what names each BM Unit; empty for a run without results. */
async function acceptedOnSide(runId: number, side: StackSide, extraFrames: string[] = []) {
  const run = await findRun(runId)
  if (!run || run.status !== 'succeeded') return null
  const frames = await loadRunFrames(runId, [
    'acceptance_volumes',
    'inputs.bmUnits',
    'inputs.parties',
    ...extraFrames,
  ])
  const av = frames.acceptance_volumes
  if (!av?.periodOffsets) return null
  const periods = await db
    .from('settlement_system_prices')
    .where('run_id', runId)
    .orderBy('settlement_period')
    .select('settlement_period', 'start_time')
  const startTimes = new Map(periods.map((row) => [Number(row.settlement_period), row.start_time]))
  const { bmUnit, acceptanceNumber, bidOfferPairId } = av.columns
  const volume = side === 'offer' ? av.columns.offerVolume : av.columns.bidVolume
  const price = side === 'offer' ? av.columns.offerPrice : av.columns.bidPrice
  const rows: Accepted[] = []
  for (let slot = 0; slot < av.periodOffsets.length - 1; slot++) {
    for (let r = av.periodOffsets[slot]; r < av.periodOffsets[slot + 1]; r++) {
      if (volume[r] === 0 || Number.isNaN(volume[r])) continue
      rows.push({
        period: slot + 1,
        unit: bmUnit[r],
        acceptanceNumber: acceptanceNumber[r],
        pair: bidOfferPairId[r],
        volume: volume[r],
        price: price[r],
      })
    }
  }
  const units = frames['inputs.bmUnits']
  const partyNames = frames['inputs.parties'].labels!.name
  const unitFields = (period: number, unit: number) => ({
    settlementPeriod: period,
    startTime: startTimes.get(period) ?? null,
    bmUnit: units.labels!.id[unit],
    bmUnitType: units.labels!.type?.[unit] ?? '',
    leadPartyName: partyNames[units.columns.leadParty[unit]] ?? null,
    nationalGridBmUnit: units.labels!.ngcId?.[unit] ?? null,
  })
  return { rows, frames, unitFields }
}

/** Groups rows by key in first-seen order (rows come in period, then BM Unit order). */
function groupBy<K>(rows: Accepted[], key: (row: Accepted) => K) {
  const groups = new Map<K, Accepted[]>()
  for (const row of rows) {
    const k = key(row)
    const group = groups.get(k)
    if (group) group.push(row)
    else groups.set(k, [row])
  }
  return [...groups.values()]
}

function sumByPair(
  rows: Accepted[],
  value: (row: Accepted) => number,
  round: (v: number) => number
) {
  const pairs = emptyPairs()
  let total = 0
  for (const row of rows) {
    const v = value(row)
    total += v
    const key = pairKey(row.pair)
    if (key) pairs[key] = (pairs[key] ?? 0) + v
  }
  for (const key of Object.keys(pairs)) if (pairs[key] !== null) pairs[key] = round(pairs[key]!)
  return { pairs, total: round(total) }
}

const byUnitPeriod = (rows: Accepted[]) => groupBy(rows, (row) => `${row.period}/${row.unit}`)

/** DISPTAV: accepted volume per BM Unit and period, by bid-offer pair. */
export async function indicativeVolumes(runId: number, side: StackSide) {
  const accepted = await acceptedOnSide(runId, side)
  if (!accepted) return []
  return byUnitPeriod(accepted.rows).map((group) => {
    const { pairs, total } = sumByPair(group, (row) => row.volume, roundVolume)
    return {
      ...accepted.unitFields(group[0].period, group[0].unit),
      dataType: 'Original',
      totalVolumeAccepted: total,
      pairVolumes: pairs,
    }
  })
}

/** EBOCF: bid or offer cashflow (volume × price) per BM Unit and period, by bid-offer pair. */
export async function indicativeCashflows(runId: number, side: StackSide) {
  const accepted = await acceptedOnSide(runId, side)
  if (!accepted) return []
  return byUnitPeriod(accepted.rows).map((group) => {
    const { pairs, total } = sumByPair(group, (row) => row.volume * row.price, roundMoney)
    return {
      ...accepted.unitFields(group[0].period, group[0].unit),
      bidOfferPairCashflows: pairs,
      totalCashflow: total,
    }
  })
}

/** Short ('S') when any stack item of the acceptance on this side was CADL-flagged, else long ('L'). */
function durations(stack: ColumnFrame | undefined, side: StackSide) {
  const short = new Map<string, boolean>()
  if (!stack?.periodOffsets) return short
  const { side: sides, bmUnit, acceptanceId, cadlFlag } = stack.columns
  const wanted = SIDES.indexOf(side)
  for (let slot = 0; slot < stack.periodOffsets.length - 1; slot++) {
    for (let x = stack.periodOffsets[slot]; x < stack.periodOffsets[slot + 1]; x++) {
      if (sides[x] !== wanted || bmUnit[x] < 0 || acceptanceId[x] < 0) continue
      const key = `${slot + 1}/${bmUnit[x]}/${acceptanceId[x]}`
      short.set(key, (short.get(key) ?? false) || cadlFlag[x] === 1)
    }
  }
  return short
}

/** BOAV: accepted volume per BM Unit, period and acceptance, by bid-offer pair. */
export async function acceptanceVolumes(runId: number, side: StackSide) {
  const accepted = await acceptedOnSide(runId, side, ['stack'])
  if (!accepted) return []
  const short = durations(accepted.frames.stack, side)
  return groupBy(accepted.rows, (row) => `${row.period}/${row.unit}/${row.acceptanceNumber}`).map(
    (group) => {
      const { period, unit, acceptanceNumber } = group[0]
      const { pairs, total } = sumByPair(group, (row) => row.volume, roundVolume)
      const flagged = short.get(`${period}/${unit}/${acceptanceNumber}`)
      return {
        ...accepted.unitFields(period, unit),
        acceptanceId: acceptanceNumber,
        acceptanceDuration: flagged === undefined ? null : flagged ? 'S' : 'L',
        totalVolumeAccepted: total,
        pairVolumes: pairs,
      }
    }
  )
}
