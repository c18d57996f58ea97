/**
 * Fills and checks a row's time fields by its dataset's time family, always
 * through the settlement calendar: a period number is only ever derived from
 * an instant on the UTC line (46 periods in spring, 50 in autumn), and a row
 * that states both must agree with itself.
 */
import { DateTime } from 'luxon'
import {
  CalendarError,
  type PeriodMinutes,
  parseSettlementPeriod,
  periodAt,
  periodStartUtc,
  periodsInDay,
  toUtcIso,
} from '#core/calendar/index'
import type { DatasetDefinition } from './definition.js'
import { FieldError } from './field_values.js'

export interface RowTime {
  settlementDate: string | null
  settlementPeriod: number | null
  startTime: string | null
}

type Fields = Record<string, unknown>

function calendar<T>(field: string, fn: () => T): T {
  try {
    return fn()
  } catch (error) {
    if (error instanceof CalendarError) throw new FieldError(field, error.message)
    throw error
  }
}

function settle(fields: Fields, name: string | undefined, derived: unknown, what: string) {
  if (!name) return
  if (fields[name] === undefined || fields[name] === null) {
    fields[name] = derived
  } else if (fields[name] !== derived) {
    throw new FieldError(
      name,
      `is ${JSON.stringify(fields[name])} but ${what} gives ${JSON.stringify(derived)}`
    )
  }
}

// Zone arithmetic dominates imports and rows repeat instants (one row per fuel type): remember it.
const periodMemo = new Map<
  string,
  { settlementDate: string; settlementPeriod: number; start: string }
>()

/** The settlement period an instant falls in, with that period's start, memoised. */
function periodOf(instant: string, minutes: PeriodMinutes) {
  const key = `${minutes}|${instant}`
  let found = periodMemo.get(key)
  if (!found) {
    const ref = periodAt(instant, minutes)
    found = {
      ...ref,
      start: toUtcIso(periodStartUtc(ref.settlementDate, ref.settlementPeriod, minutes)),
    }
    if (periodMemo.size >= 50_000) periodMemo.clear()
    periodMemo.set(key, found)
  }
  return found
}

const startMemo = new Map<string, string>()

/** The start of a checked settlement period, memoised: a day's rows share its few dozen periods. */
function startOf(date: string, period: number, minutes: PeriodMinutes, field: string) {
  const key = `${minutes}|${date}|${period}`
  let start = startMemo.get(key)
  if (start === undefined) {
    calendar(field, () => parseSettlementPeriod(period, date, minutes))
    start = toUtcIso(periodStartUtc(date, period, minutes))
    if (startMemo.size >= 50_000) startMemo.clear()
    startMemo.set(key, start)
  }
  return start
}

function byPeriod(definition: DatasetDefinition, fields: Fields): RowTime {
  const roles = definition.time
  const minutes = roles.periodMinutes
  // A null time field is as good as absent: it is derived below.
  const date = (fields[roles.date!] ?? undefined) as string | undefined
  const period = (fields[roles.period!] ?? undefined) as number | undefined
  const start = roles.start ? ((fields[roles.start] ?? undefined) as string | undefined) : undefined
  if (date !== undefined && period !== undefined) {
    const computed = startOf(date, period, minutes, roles.period!)
    settle(fields, roles.start, computed, `settlement period ${period} of ${date}`)
    return { settlementDate: date, settlementPeriod: period, startTime: computed }
  }
  if (start === undefined) {
    throw new FieldError(
      roles.date!,
      `is required (with ${roles.period}${roles.start ? `, or give ${roles.start}` : ''})`
    )
  }
  const { start: periodStart, ...ref } = periodOf(start, minutes)
  if (periodStart !== start) {
    throw new FieldError(
      roles.start!,
      `${start} is not the start of a ${minutes}-minute settlement period`
    )
  }
  settle(fields, roles.date, ref.settlementDate, `${roles.start} ${start}`)
  settle(fields, roles.period, ref.settlementPeriod, `${roles.start} ${start}`)
  return { ...ref, startTime: start }
}

function byInstant(definition: DatasetDefinition, fields: Fields): RowTime {
  const roles = definition.time
  const start = fields[roles.start!] as string
  const dt = DateTime.fromISO(start, { zone: 'utc' })
  const interval = roles.intervalMinutes!
  if (dt.second !== 0 || dt.millisecond !== 0 || (dt.hour * 60 + dt.minute) % interval !== 0) {
    throw new FieldError(roles.start!, `${start} is not on a ${interval}-minute boundary`)
  }
  const { settlementDate, settlementPeriod } = periodOf(start, roles.periodMinutes)
  const ref = { settlementDate, settlementPeriod }
  settle(fields, roles.date, ref.settlementDate, `${roles.start} ${start}`)
  settle(fields, roles.period, ref.settlementPeriod, `${roles.start} ${start}`)
  return { ...ref, startTime: start }
}

function byEvent(definition: DatasetDefinition, fields: Fields): RowTime {
  const roles = definition.time
  const start = fields[roles.start!] as string
  const end = fields[roles.end!] as string | null | undefined
  if (end && end < start)
    throw new FieldError(roles.end!, `${end} is before ${roles.start} ${start}`)
  if (!roles.date) return { settlementDate: null, settlementPeriod: null, startTime: start }
  const ref = periodAt(start, roles.periodMinutes)
  settle(fields, roles.date, ref.settlementDate, `${roles.start} ${start}`)
  settle(fields, roles.period, ref.settlementPeriod, `${roles.start} ${start}`)
  if (roles.periodTo) {
    const last = end ? DateTime.fromISO(end, { zone: 'utc' }).minus({ milliseconds: 1 }) : undefined
    const lastRef = last && toUtcIso(last) >= start ? periodAt(last, roles.periodMinutes) : ref
    const periodTo =
      lastRef.settlementDate === ref.settlementDate
        ? lastRef.settlementPeriod
        : periodsInDay(ref.settlementDate, roles.periodMinutes)
    const given = fields[roles.periodTo] as number | undefined
    if (given !== undefined && given !== null) {
      calendar(roles.periodTo, () =>
        parseSettlementPeriod(given, ref.settlementDate, roles.periodMinutes)
      )
      if (given < ref.settlementPeriod) {
        throw new FieldError(
          roles.periodTo,
          `${given} is before ${roles.period} ${ref.settlementPeriod}`
        )
      }
    } else {
      fields[roles.periodTo] = periodTo
    }
  }
  return { ...ref, startTime: start }
}

/** Completes `fields` in place and returns the row's indexed time columns. */
export function applyTimeFamily(definition: DatasetDefinition, fields: Fields): RowTime {
  switch (definition.time.family) {
    case 'settlementPeriod':
      return byPeriod(definition, fields)
    case 'instant':
      return byInstant(definition, fields)
    case 'event':
      return byEvent(definition, fields)
    case 'reference':
      return { settlementDate: null, settlementPeriod: null, startTime: null }
  }
}
