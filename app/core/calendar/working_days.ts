/**
 * Working Days for the settlement run timetable (domain/settlement.md §2.2): Monday to Friday,
 * excluding bank holidays in England and Wales. The holidays are data: extend the list when gov.uk
 * publishes a new year or announces a one-off holiday. The binding run dates still come from
 * Elexon's published calendars; this is for deriving and checking them.
 */
import { DateTime } from 'luxon'
import { CalendarError } from './calendar_error.js'
import { parseSettlementDate } from './settlement_calendar.js'

/**
 * England & Wales bank holidays, 2017–2028 (gov.uk/bank-holidays). When Christmas Day, Boxing Day
 * or New Year's Day fall on a weekend the substitute weekday is listed instead. One-offs: 2020-05-08
 * (VE Day, replacing 4 May), 2022-06-02/03 (Platinum Jubilee, replacing 30 May), 2022-09-19 (state
 * funeral), 2023-05-08 (coronation). 2028 follows the standing rules; check it once gov.uk lists it.
 */
// prettier-ignore
export const ENGLAND_AND_WALES_BANK_HOLIDAYS: readonly string[] = [
  // 2017
  '2017-01-02', '2017-04-14', '2017-04-17', '2017-05-01', '2017-05-29', '2017-08-28', '2017-12-25',
  '2017-12-26',
  // 2018
  '2018-01-01', '2018-03-30', '2018-04-02', '2018-05-07', '2018-05-28', '2018-08-27', '2018-12-25',
  '2018-12-26',
  // 2019
  '2019-01-01', '2019-04-19', '2019-04-22', '2019-05-06', '2019-05-27', '2019-08-26', '2019-12-25',
  '2019-12-26',
  // 2020
  '2020-01-01', '2020-04-10', '2020-04-13', '2020-05-08', '2020-05-25', '2020-08-31', '2020-12-25',
  '2020-12-28',
  // 2021
  '2021-01-01', '2021-04-02', '2021-04-05', '2021-05-03', '2021-05-31', '2021-08-30', '2021-12-27',
  '2021-12-28',
  // 2022
  '2022-01-03', '2022-04-15', '2022-04-18', '2022-05-02', '2022-06-02', '2022-06-03', '2022-08-29',
  '2022-09-19', '2022-12-26', '2022-12-27',
  // 2023
  '2023-01-02', '2023-04-07', '2023-04-10', '2023-05-01', '2023-05-08', '2023-05-29', '2023-08-28',
  '2023-12-25', '2023-12-26',
  // 2024
  '2024-01-01', '2024-03-29', '2024-04-01', '2024-05-06', '2024-05-27', '2024-08-26', '2024-12-25',
  '2024-12-26',
  // 2025
  '2025-01-01', '2025-04-18', '2025-04-21', '2025-05-05', '2025-05-26', '2025-08-25', '2025-12-25',
  '2025-12-26',
  // 2026
  '2026-01-01', '2026-04-03', '2026-04-06', '2026-05-04', '2026-05-25', '2026-08-31', '2026-12-25',
  '2026-12-28',
  // 2027
  '2027-01-01', '2027-03-26', '2027-03-29', '2027-05-03', '2027-05-31', '2027-08-30', '2027-12-27',
  '2027-12-28',
  // 2028
  '2028-01-03', '2028-04-14', '2028-04-17', '2028-05-01', '2028-05-29', '2028-08-28', '2028-12-25',
  '2028-12-26',
]

const holidays = new Set(ENGLAND_AND_WALES_BANK_HOLIDAYS)
const years = ENGLAND_AND_WALES_BANK_HOLIDAYS.map((d) => Number(d.slice(0, 4)))
const firstYear = Math.min(...years)
const lastYear = Math.max(...years)

/** Monday–Friday and not an England & Wales bank holiday. */
export function isWorkingDay(date: string): boolean {
  const day = toDay(date)
  return day.weekday <= 5 && !holidays.has(date)
}

/**
 * The n-th Working Day after `date` (before it when n < 0); n = 0 returns `date` itself.
 * `date` need not be a Working Day: runs are timed from any settlement day, weekends included.
 */
export function addWorkingDays(date: string, n: number): string {
  if (!Number.isInteger(n)) throw new CalendarError('n', `n must be an integer, got ${n}`)
  let day = toDay(date)
  const step = Math.sign(n)
  for (let left = Math.abs(n); left > 0;) {
    day = day.plus({ days: step })
    if (isWorkingDay(day.toISODate()!)) left--
  }
  return day.toISODate()!
}

/**
 * Working Days d with a < d ≤ b, so that workingDaysBetween(a, addWorkingDays(a, n)) === n for n ≥ 0.
 */
export function workingDaysBetween(a: string, b: string): number {
  let day = toDay(a)
  const end = toDay(b)
  if (end < day) throw new CalendarError('b', `b (${b}) must not be before a (${a})`)
  let count = 0
  while (day < end) {
    day = day.plus({ days: 1 })
    if (isWorkingDay(day.toISODate()!)) count++
  }
  return count
}

/** Outside the years the list covers we cannot tell holidays apart, so refuse rather than guess. */
function toDay(date: string): DateTime {
  const day = DateTime.fromISO(parseSettlementDate(date, 'date'), { zone: 'utc' })
  if (day.year < firstYear || day.year > lastYear) {
    throw new CalendarError(
      'date',
      `bank holidays are only known for ${firstYear}–${lastYear}; ${date} is outside (extend ENGLAND_AND_WALES_BANK_HOLIDAYS)`
    )
  }
  return day
}
