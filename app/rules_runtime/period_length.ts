import type { DayRecords } from './day_records.js'
import { resampleDayRecords } from './resample_day_records.js'

/**
 * A day's records at the period length its rule set settles in: a sandbox
 * plugin such as 15- or 5-minute settlement sets `settlement_period_minutes`,
 * and the day (imported at 30 minutes) is resampled to it (ARCHITECTURE.md §4.7).
 * Without that parameter, or at the same length, the records are returned as they are.
 */
export function atRuleSetPeriodLength(
  records: DayRecords,
  params: Record<string, unknown>
): DayRecords {
  const minutes = Number(params.settlement_period_minutes ?? records.periodMinutes)
  if (minutes === records.periodMinutes) return records
  if (minutes !== 15 && minutes !== 5) {
    throw new RangeError(`settlement_period_minutes must be 30, 15 or 5, got ${minutes}`)
  }
  return resampleDayRecords(records, minutes)
}
