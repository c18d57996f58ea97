import { DateTime } from 'luxon'
import { addWorkingDays } from '#core/calendar/index'

/**
 * When the exit conditions are finally tested (customer.md §10.1, BSC Section
 * A 5.1.3): 17:00 UK time on the day two Business Days before the Withdrawal
 * Date (Business Days counted as Working Days, customer.md reading note).
 */
export function finalCheckAt(withdrawalDate: string): DateTime {
  return DateTime.fromISO(`${addWorkingDays(withdrawalDate, -2)}T17:00:00`, {
    zone: 'Europe/London',
  })
}

export function finalCheckReached(withdrawalDate: string, now: DateTime = DateTime.utc()) {
  return now >= finalCheckAt(withdrawalDate)
}
