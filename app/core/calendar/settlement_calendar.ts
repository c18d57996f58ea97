/**
 * Settlement days and periods (domain/settlement.md §2.1, ARCHITECTURE.md §3).
 *
 * A settlement day is a Europe/London date whose periods run back to back from local midnight for
 * the UTC length of the day (46/48/50 half hours). Boundaries live on the UTC line: start(d, j) =
 * utc(localMidnight(d)) + (j − 1) × length; adding minutes to local wall-clock time would break in
 * autumn, when local 01:00–02:00 happens twice.
 */
import { DateTime } from 'luxon'
import { CalendarError, describe } from './calendar_error.js'

export type PeriodMinutes = 30 | 15 | 5
export const SETTLEMENT_ZONE = 'Europe/London'
export const PERIOD_LENGTHS: readonly PeriodMinutes[] = [30, 15, 5]

export interface SettlementPeriodRef {
  settlementDate: string
  settlementPeriod: number
}

export interface PeriodRow extends SettlementPeriodRef {
  startTime: string
  endTime: string
  localStartTime: string
  periodsInDay: number
}

const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/
const OFFSET_SUFFIX = /(Z|[+-]\d{2}(:?\d{2})?)$/i
const MINUTE_MS = 60_000

/** Accepts exactly `yyyy-MM-dd` naming a real calendar date and returns it unchanged. */
export function parseSettlementDate(value: string, field = 'settlementDate'): string {
  if (
    typeof value !== 'string' ||
    !DATE_PATTERN.test(value) ||
    !DateTime.fromISO(value, { zone: 'utc' }).isValid
  ) {
    throw new CalendarError(
      field,
      `${field} must be a date in the form yyyy-MM-dd, got ${describe(value)}`
    )
  }
  return value
}

/** The London calendar date of an instant. */
export function formatSettlementDate(d: DateTime | Date): string {
  return toDateTime(d, 'instant').setZone(SETTLEMENT_ZONE).toISODate()!
}

/** UTC instant of local midnight starting the settlement day. */
export function dayStartUtc(date: string): DateTime {
  return DateTime.fromMillis(dayBounds(date)[0], { zone: 'utc' })
}

/** UTC instant of the next local midnight (exclusive end of the day). */
export function dayEndUtc(date: string): DateTime {
  return DateTime.fromMillis(dayBounds(date)[1], { zone: 'utc' })
}

export function periodsInDay(date: string, periodMinutes: PeriodMinutes = 30): number {
  const [start, end] = dayBounds(date)
  return (end - start) / (checkPeriodMinutes(periodMinutes) * MINUTE_MS)
}

/** Accepts an integer (or digit string) between 1 and the number of periods that day has. */
export function parseSettlementPeriod(
  value: string | number,
  date: string,
  periodMinutes: PeriodMinutes = 30
): number {
  const count = periodsInDay(date, periodMinutes)
  const digits = typeof value === 'string' && /^\d+$/.test(value)
  const period = typeof value === 'string' ? (digits ? Number(value) : Number.NaN) : value
  if (!Number.isInteger(period) || period < 1 || period > count) {
    throw new CalendarError(
      'settlementPeriod',
      `settlementPeriod must be between 1 and ${count} on ${date}, got ${describe(value)}`
    )
  }
  return period
}

/** An instant of period `period` of `date`, always derived from periodStartUtc on the UTC line. */
export type PeriodInstant = (date: string, period: number, minutes?: PeriodMinutes) => DateTime

export const periodStartUtc: PeriodInstant = (date, period, periodMinutes = 30) => {
  parseSettlementPeriod(period, date, periodMinutes)
  return dayStartUtc(date).plus({ minutes: (period - 1) * periodMinutes })
}

export const periodEndUtc: PeriodInstant = (date, period, periodMinutes = 30) =>
  periodStartUtc(date, period, periodMinutes).plus({ minutes: periodMinutes })

export const periodStartLocal: PeriodInstant = (date, period, periodMinutes = 30) =>
  periodStartUtc(date, period, periodMinutes).setZone(SETTLEMENT_ZONE)

export const periodEndLocal: PeriodInstant = (date, period, periodMinutes = 30) =>
  periodEndUtc(date, period, periodMinutes).setZone(SETTLEMENT_ZONE)

/** Gate Closure: one hour before the period starts (physical notifications freeze). */
export const gateClosureUtc: PeriodInstant = (date, period, periodMinutes = 30) =>
  periodStartUtc(date, period, periodMinutes).minus({ hours: 1 })

/** The settlement period containing an instant (start inclusive, end exclusive). */
export function periodAt(
  instant: DateTime | Date | string,
  periodMinutes: PeriodMinutes = 30
): SettlementPeriodRef {
  const at = toDateTime(instant, 'instant')
  const settlementDate = at.setZone(SETTLEMENT_ZONE).toISODate()!
  const elapsed = at.toMillis() - dayBounds(settlementDate)[0]
  const settlementPeriod = Math.floor(elapsed / (checkPeriodMinutes(periodMinutes) * MINUTE_MS)) + 1
  return { settlementDate, settlementPeriod }
}

/** Every period of a day as the row shape our API returns. */
export function periodsOfDay(date: string, periodMinutes: PeriodMinutes = 30): PeriodRow[] {
  const count = periodsInDay(date, periodMinutes)
  const start = dayStartUtc(date)
  const rows: PeriodRow[] = []
  for (let period = 1; period <= count; period++) {
    const startUtc = start.plus({ minutes: (period - 1) * periodMinutes })
    rows.push({
      settlementDate: date,
      settlementPeriod: period,
      startTime: toUtcIso(startUtc),
      endTime: toUtcIso(startUtc.plus({ minutes: periodMinutes })),
      localStartTime: startUtc.setZone(SETTLEMENT_ZONE).toISO({ suppressMilliseconds: true })!,
      periodsInDay: count,
    })
  }
  return rows
}

/** Every date from `from` to `to`, both included. */
export function datesBetween(from: string, to: string): string[] {
  parseSettlementDate(from, 'from')
  parseSettlementDate(to, 'to')
  if (to < from) throw new CalendarError('to', `to (${to}) must not be before from (${from})`)
  // Dates, not instants: step in UTC so no zone rule can interfere.
  const dates: string[] = []
  let d = DateTime.fromISO(from, { zone: 'utc' })
  while (d.toISODate()! <= to) {
    dates.push(d.toISODate()!)
    d = d.plus({ days: 1 })
  }
  return dates
}

/** `2026-03-28T23:00:00Z`: the instant form of every `startTime`/`endTime` we publish. */
export function toUtcIso(dt: DateTime): string {
  if (!dt.isValid) {
    throw new CalendarError('instant', `cannot format an invalid date-time (${dt.invalidReason})`)
  }
  return dt.toUTC().toFormat("yyyy-MM-dd'T'HH:mm:ss'Z'")
}

// Zone arithmetic (Intl) dominates the cost and a day's bounds never change, so remember them.
const boundsCache = new Map<string, readonly [number, number]>()

/** UTC milliseconds of the day's local midnight and of the next one. */
function dayBounds(date: string): readonly [number, number] {
  let bounds = boundsCache.get(date)
  if (!bounds) {
    const midnight = DateTime.fromISO(parseSettlementDate(date), { zone: SETTLEMENT_ZONE })
    // plus({ days: 1 }) on a zoned DateTime is calendar arithmetic: it lands on the next local midnight.
    bounds = [midnight.toMillis(), midnight.plus({ days: 1 }).toMillis()]
    if (boundsCache.size >= 10_000) boundsCache.clear()
    boundsCache.set(date, bounds)
  }
  return bounds
}

function checkPeriodMinutes(len: number): PeriodMinutes {
  if (PERIOD_LENGTHS.includes(len as PeriodMinutes)) return len as PeriodMinutes
  throw new CalendarError('periodMinutes', `periodMinutes must be 30, 15 or 5, got ${len}`)
}

/** Strings must carry Z or an offset: a bare local time is ambiguous once a year. */
function toDateTime(value: DateTime | Date | string, field: string): DateTime {
  const dt = DateTime.isDateTime(value)
    ? value
    : value instanceof Date
      ? DateTime.fromJSDate(value)
      : typeof value === 'string' && OFFSET_SUFFIX.test(value)
        ? DateTime.fromISO(value, { setZone: true })
        : undefined
  if (!dt?.isValid) {
    throw new CalendarError(
      field,
      `${field} must be an ISO date-time with Z or an offset, got ${describe(value)}`
    )
  }
  return dt
}
