/**
 * Daily shapes of the GB system, by local clock time and month: demand (its
 * winter evening peak and night trough follow FUELHH 2018), solar output,
 * a wind path, and the level of wholesale prices. Values are fractions or
 * £/MWh; dispatch.ts turns them into MW per BM Unit.
 */
import { DateTime } from 'luxon'
import { SETTLEMENT_ZONE, periodStartUtc, periodsInDay } from '#core/calendar/index'
import type { PeriodMinutes } from '#core/calendar/index'
import type { Rng } from './prng.js'

export interface DayFrame {
  date: string
  periods: number
  periodMinutes: PeriodMinutes
  /** UTC epoch ms of period boundaries 0..periods (boundary k starts period k + 1) */
  boundaries: number[]
  /** local clock hour at each boundary (24 at the closing midnight) */
  localHours: number[]
  month: number
  weekend: boolean
  /** whole days since 2000-01-01, used to keep acceptance numbers increasing across days */
  dayNumber: number
}

export function dayFrame(date: string, periodMinutes: PeriodMinutes = 30): DayFrame {
  const periods = periodsInDay(date, periodMinutes)
  const start = periodStartUtc(date, 1, periodMinutes).toMillis()
  const boundaries = Array.from(
    { length: periods + 1 },
    (_, k) => start + k * periodMinutes * 60_000
  )
  const localHours = boundaries.map((ms, k) => {
    if (k === periods) return 24
    const local = DateTime.fromMillis(ms, { zone: SETTLEMENT_ZONE })
    return local.hour + local.minute / 60
  })
  const day = DateTime.fromISO(date, { zone: 'utc' })
  return {
    date,
    periods,
    periodMinutes,
    boundaries,
    localHours,
    month: day.month,
    weekend: day.weekday >= 6,
    dayNumber: Math.round(day.diff(DateTime.fromISO('2000-01-01', { zone: 'utc' }), 'days').days),
  }
}

// prettier-ignore
const WEEKDAY_DEMAND = [0.66, 0.62, 0.59, 0.57, 0.57, 0.6, 0.68, 0.8, 0.86, 0.87, 0.86, 0.85, 0.84, 0.83, 0.82, 0.84, 0.92, 1, 0.98, 0.93, 0.86, 0.8, 0.74, 0.7, 0.66]
// prettier-ignore
const SEASON_DEMAND = [1, 0.97, 0.92, 0.85, 0.78, 0.74, 0.74, 0.75, 0.78, 0.85, 0.92, 1]
// prettier-ignore
const SUNRISE = [8, 7.3, 6.3, 6.2, 5.3, 4.8, 5.1, 5.9, 6.7, 7.4, 7.2, 8]
// prettier-ignore
const SUNSET = [16.3, 17.3, 18.2, 20, 20.8, 21.3, 21.1, 20.2, 19.1, 17.9, 16.3, 15.9]
// prettier-ignore
const SOLAR_PEAK = [0.25, 0.35, 0.5, 0.6, 0.68, 0.7, 0.68, 0.62, 0.52, 0.4, 0.28, 0.22]
// prettier-ignore
const SEASON_PRICE = [88, 84, 74, 66, 60, 58, 60, 62, 68, 76, 84, 90]

/** National demand as a fraction of the winter weekday peak. */
export function demandShape(hour: number, month: number, weekend: boolean): number {
  const clock = weekend ? Math.max(0, hour - 1) : hour
  const i = Math.min(23, Math.floor(clock))
  const base = WEEKDAY_DEMAND[i] + (WEEKDAY_DEMAND[i + 1] - WEEKDAY_DEMAND[i]) * (clock - i)
  return base * SEASON_DEMAND[month - 1] * (weekend ? 0.9 : 1)
}

/** Solar capacity factor: zero at night, a sine arch between sunrise and sunset. */
export function solarShape(hour: number, month: number): number {
  const rise = SUNRISE[month - 1]
  const set = SUNSET[month - 1]
  if (hour <= rise || hour >= set) return 0
  return SOLAR_PEAK[month - 1] * Math.sin((Math.PI * (hour - rise)) / (set - rise)) ** 1.2
}

/** A national wind capacity-factor path over `points` instants: a bounded random walk. */
export function windPath(rng: Rng, points: number): number[] {
  const path: number[] = []
  let cf = rng.range(0.15, 0.7)
  for (let k = 0; k < points; k++) {
    path.push(cf)
    cf = Math.min(0.92, Math.max(0.04, cf + rng.normal() * 0.025))
  }
  return path
}

/** Wholesale price (£/MWh) for a period given how much of the flexible fleet runs (0..1). */
export function marketPrice(rng: Rng, month: number, flexibleShare: number): number {
  const level = SEASON_PRICE[month - 1] * (0.55 + 0.8 * Math.max(0, flexibleShare) ** 1.5)
  return Math.round((level + rng.normal() * 3) * 100) / 100
}

/** `2026-01-15T00:00:00Z`, the instant form of the settlement tables (same as toUtcIso, without Luxon per row). */
export function isoUtc(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19) + 'Z'
}
