/**
 * Resamples one settlement day (day_records.ts) from its period length to a shorter one (30 → 15 or
 * 5 minutes, 15 → 5), so a sandbox can trial shorter settlement periods on real-shaped data
 * (ARCHITECTURE.md §4.7). Pure: the input records are not changed.
 *
 * Periods stay back to back on the UTC line from local midnight, so each period becomes
 * `factor = from / to` periods and a day of 46/48/50 half hours has 92/96/100 (15 min) or
 * 276/288/300 (5 min) periods.
 * - PN and BOD segments are cut at the new period boundaries, levels interpolated on the line.
 * - Acceptances (BOALF) are instants and carry over unchanged.
 * - Metered volumes, ABSVD and asset-metered volumes of a unit are split in proportion to the unit's
 *   FPN energy in each new period when those energies share one sign and are not all zero; evenly
 *   otherwise (no PN, a flat PN gives even shares anyway, or a PN crossing zero).
 * - DISBSAD (cost and volume), NETBSAD volumes and costs, MID volumes, demand-control volumes, ECVN
 *   volumes and MVRN fixed volumes are split evenly: they are trades or services over the period.
 *   Prices and rates are repeated: MID prices, NETBSAD price adjusters, LoLP, MVRN percentages.
 * Every split keeps its total exact in decimal: the parts are whole multiples of 10^-k (k = the
 * value's decimals + 6, capped so no part has more than 15 significant digits) and add up to the
 * value; each part is the double nearest to its decimal.
 */
import type { DayRecords, PnRecord } from './day_records.js'
import { periodStartUtc, type PeriodMinutes } from '../core/calendar/settlement_calendar.js'

const EXTRA_DECIMALS = 6
const MAX_SCALED = 1e15
const MS_PER_HOUR = 3_600_000

export function resampleDayRecords(records: DayRecords, periodMinutes: 15 | 5): DayRecords {
  const from = records.periodMinutes
  if (![30, 15, 5].includes(from) || from % periodMinutes !== 0 || from < periodMinutes) {
    throw new RangeError(`cannot resample ${from}-minute periods to ${periodMinutes} minutes`)
  }
  const factor = from / periodMinutes
  const dayStart = periodStartUtc(records.settlementDate, 1, from as PeriodMinutes).toMillis()
  const targetMs = periodMinutes * 60_000
  const startOf = (period: number) => dayStart + (period - 1) * from * 60_000
  const newPeriod = (period: number, slot: number) => (period - 1) * factor + slot + 1
  const slotAt = (period: number, ms: number) =>
    Math.min(factor - 1, Math.max(0, Math.floor((ms - startOf(period)) / targetMs)))
  const slots = Array.from({ length: factor }, (_, slot) => slot)
  const even = slots.map(() => 1)
  // A day's instants repeat (period boundaries): parse and print each one once.
  const parsed = new Map<string, number>()
  const ms = (iso: string) => parsed.get(iso) ?? parsed.set(iso, Date.parse(iso)).get(iso)!
  const printed = new Map<number, string>()
  const iso = (t: number) => printed.get(t) ?? printed.set(t, isoUtc(t)).get(t)!

  /** FPN energy (MWh) of each unit in each new period of an old period, for the volume shape. */
  const fpnEnergy = new Map<string, number[]>()
  const cutSegments = <T extends PnRecord>(rows: T[], onPiece?: (piece: T) => void): T[] =>
    rows.flatMap((row) => {
      const a = ms(row.timeFrom)
      const b = ms(row.timeTo)
      const cuts = [a]
      for (let slot = 1; slot < factor; slot++) {
        const boundary = startOf(row.settlementPeriod) + slot * targetMs
        if (boundary > a && boundary < b) cuts.push(boundary)
      }
      cuts.push(b)
      const level = (t: number) =>
        t === a
          ? row.levelFrom
          : t === b
            ? row.levelTo
            : row.levelFrom + ((row.levelTo - row.levelFrom) * (t - a)) / (b - a)
      return cuts.slice(1).map((to, i) => {
        const start = cuts[i]
        const piece = {
          ...row,
          settlementPeriod: newPeriod(row.settlementPeriod, slotAt(row.settlementPeriod, start)),
          timeFrom: start === a ? row.timeFrom : iso(start),
          levelFrom: level(start),
          timeTo: to === b ? row.timeTo : iso(to),
          levelTo: level(to),
        }
        onPiece?.(piece)
        return piece
      })
    })
  const pn = cutSegments(records.pn, (piece) => {
    const oldPeriod = Math.floor((piece.settlementPeriod - 1) / factor) + 1
    const key = `${piece.bmUnit}|${oldPeriod}`
    if (!fpnEnergy.has(key)) fpnEnergy.set(key, new Array<number>(factor).fill(0))
    const energy = fpnEnergy.get(key)!
    const hours = (ms(piece.timeTo) - ms(piece.timeFrom)) / MS_PER_HOUR
    energy[(piece.settlementPeriod - 1) % factor] += ((piece.levelFrom + piece.levelTo) / 2) * hours
  })
  const unitShape = (bmUnit: string, period: number) => {
    const energy = fpnEnergy.get(`${bmUnit}|${period}`)
    if (!energy) return even
    const total = energy.reduce((sum, e) => sum + e, 0)
    const magnitude = energy.reduce((sum, e) => sum + Math.abs(e), 0)
    return total !== 0 && Math.abs(total) === magnitude ? energy.map(Math.abs) : even
  }

  /** One record per new period, `fields` split by `weights`, everything else repeated. */
  const split = <T extends { settlementPeriod: number }>(
    rows: T[] | undefined,
    fields: (keyof T)[],
    weights: (row: T) => number[] = () => even
  ): T[] =>
    (rows ?? []).flatMap((row) => {
      const parts = fields.map((field) => splitExact(row[field] as number, weights(row)))
      return slots.map((slot) => {
        const copy: T = { ...row, settlementPeriod: newPeriod(row.settlementPeriod, slot) }
        fields.forEach((field, f) => (copy[field] = parts[f][slot] as T[keyof T]))
        return copy
      })
    })
  const byUnitShape = (row: { bmUnit: string; settlementPeriod: number }) =>
    unitShape(row.bmUnit, row.settlementPeriod)

  const resampled: DayRecords = {
    ...records,
    periodMinutes,
    parties: records.parties.map((row) => ({ ...row })),
    accounts: records.accounts.map((row) => ({ ...row })),
    bmUnits: records.bmUnits.map((row) => ({ ...row })),
    meteredVolumes: split(records.meteredVolumes, ['volume'], byUnitShape),
    pn,
    bod: cutSegments(records.bod),
    boalf: records.boalf.map((row) => ({ ...row })),
    absvd: split(records.absvd, ['volume'], byUnitShape),
    disbsad: split(records.disbsad, ['cost', 'volume']),
    netbsad: split(records.netbsad, [
      'netBuyPriceCostAdjustmentEnergy',
      'netBuyPriceVolumeAdjustmentEnergy',
      'netBuyPriceVolumeAdjustmentSystem',
      'netSellPriceCostAdjustmentEnergy',
      'netSellPriceVolumeAdjustmentEnergy',
      'netSellPriceVolumeAdjustmentSystem',
    ]),
    marketIndex: split(records.marketIndex, ['volume']),
    lolp: split(
      records.lolp.map((row) => ({ ...row, demandControlVolume: row.demandControlVolume ?? 0 })),
      ['demandControlVolume']
    ),
    ecvn: split(records.ecvn, ['volume']),
    mvrn: split(records.mvrn, ['fixedVolume']),
  }
  if (records.assetMeteredVolumes) {
    resampled.assetMeteredVolumes = split(records.assetMeteredVolumes, ['volume'], byUnitShape)
  }
  return resampled
}

/**
 * `value` cut into parts proportional to `weights` (≥ 0, not all 0) whose decimal sum is exactly
 * `value`: largest-remainder rounding on a decimal grid of 10^-k.
 */
export function splitExact(value: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((total, w) => total + w, 0)
  if (!Number.isFinite(value) || value === 0 || !(sum > 0)) {
    return weights.map((_, i) => (i === 0 || !Number.isFinite(value) ? value : 0))
  }
  const magnitude = Math.abs(value)
  const k = Math.max(
    0,
    Math.min(decimalsOf(magnitude) + EXTRA_DECIMALS, Math.floor(Math.log10(MAX_SCALED / magnitude)))
  )
  const total = Math.round(shiftDecimal(magnitude, k))
  const ideal = weights.map((w) => (total * w) / sum)
  const units = ideal.map(Math.floor)
  let left = total - units.reduce((s, n) => s + n, 0)
  const order = ideal
    .map((x, i) => [x - units[i], i] as const)
    .sort((p, q) => q[0] - p[0] || p[1] - q[1])
    .map(([, i]) => i)
  // `left` is a few units at most (floors of float products); hand them out by largest remainder.
  for (let n = 0; left !== 0; n = (n + 1) % order.length) {
    const i = left > 0 ? order[n] : order[order.length - 1 - n]
    if (left < 0 && units[i] === 0) continue
    units[i] += Math.sign(left)
    left -= Math.sign(left)
  }
  const scale = 10 ** k
  return units.map((n) => (Math.sign(value) * n) / scale || 0)
}

/** Decimals in the shortest printed form of `value` (e.g. 1.25 → 2, 1.5e-7 → 8). */
function decimalsOf(value: number): number {
  const [mantissa, exponent] = String(value).split('e')
  const dot = mantissa.indexOf('.')
  const fraction = dot < 0 ? 0 : mantissa.length - dot - 1
  return Math.max(0, fraction - Number(exponent ?? 0))
}

/** value × 10^places on the decimal digits (no binary rounding of the product). */
function shiftDecimal(value: number, places: number): number {
  const [mantissa, exponent] = String(value).split('e')
  return Number(`${mantissa}e${Number(exponent ?? 0) + places}`)
}

function isoUtc(ms: number): string {
  return new Date(ms).toISOString().replace('.000Z', 'Z')
}
