/**
 * The state one day-inputs build shares between its parts: the day's shape,
 * the problems found so far (collected, then thrown together, each naming its
 * record as `boalf[12]: …`) and the record checks every dataset uses.
 */
import type { DayRecords } from '../day_records.js'
import {
  periodStartUtc,
  periodsInDay,
  type PeriodMinutes,
} from '../../core/calendar/settlement_calendar.js'
import { finite, type Fail } from './columns.js'

export class DayInputsError extends Error {
  readonly problems: string[]

  constructor(problems: string[]) {
    const shown = problems.slice(0, 20).join('\n  ')
    const more = problems.length > 20 ? `\n  … and ${problems.length - 20} more` : ''
    super(`day inputs are invalid (${problems.length} problems):\n  ${shown}${more}`)
    this.name = 'DayInputsError'
    this.problems = problems
  }
}

const MAX_PROBLEMS = 200
const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?Z$/

export type Dataset = keyof Omit<DayRecords, 'settlementDate' | 'periodMinutes'>

export interface DayBuild {
  records: DayRecords
  problems: string[]
  fail: Fail
  periods: number
  dayStart: number
  periodStart: (period: number) => number
  /** a dataset's records (an absent optional dataset is empty) */
  list: <K extends Dataset>(name: K) => DayRecords[K]
  /** the period, or −1 (reported) when it is not one of the day's */
  periodOf: (value: unknown, where: string) => number
  /** epoch ms of an ISO UTC instant, NaN (reported) otherwise */
  time: (value: string, where: string, field: string) => number
  /** every instant parsed so far, by its text */
  parsed: Map<string, number>
  num: (value: number, where: string, field: string) => number
}

function dayShape(records: DayRecords) {
  if (typeof records !== 'object' || records === null)
    throw new DayInputsError(['records: must be an object'])
  try {
    const minutes = records.periodMinutes as PeriodMinutes
    const periods = periodsInDay(records.settlementDate, minutes)
    const dayStart = periodStartUtc(records.settlementDate, 1, minutes).toMillis()
    return { periods, dayStart, periodMs: minutes * 60_000 }
  } catch (error) {
    throw new DayInputsError([`settlementDate/periodMinutes: ${(error as Error).message}`])
  }
}

export function startDayBuild(records: DayRecords): DayBuild {
  const problems: string[] = []
  const fail: Fail = (where, message) => {
    if (problems.length < MAX_PROBLEMS) problems.push(`${where}: ${message}`)
  }
  const { periods, dayStart, periodMs } = dayShape(records)
  // Most instants repeat (period boundaries), so each distinct string is parsed once.
  const parsed = new Map<string, number>()
  return {
    records,
    problems,
    fail,
    periods,
    dayStart,
    parsed,
    periodStart: (period) => dayStart + (period - 1) * periodMs,
    list: (name) => {
      const value = records[name]
      if (value === undefined) return [] as unknown as DayRecords[typeof name]
      if (!Array.isArray(value)) throw new DayInputsError([`${name}: must be a list`])
      return value
    },
    periodOf: (value, where) => {
      if (!Number.isInteger(value) || (value as number) < 1 || (value as number) > periods) {
        fail(
          where,
          `settlementPeriod must be an integer from 1 to ${periods}, got ${String(value)}`
        )
        return -1
      }
      return value as number
    },
    time: (value, where, field) => {
      let ms = parsed.get(value)
      if (ms === undefined) {
        ms = typeof value === 'string' && ISO_UTC.test(value) ? Date.parse(value) : Number.NaN
        parsed.set(value, ms)
      }
      if (Number.isNaN(ms)) {
        fail(where, `${field} must be an ISO UTC instant ending in Z, got ${String(value)}`)
      }
      return ms
    },
    num: (value, where, field) => finite(value, where, field, fail),
  }
}
