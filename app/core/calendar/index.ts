/** Public API of the settlement calendar: settlement days, periods and Working Days. */
export { CalendarError } from './calendar_error.js'
export {
  PERIOD_LENGTHS,
  SETTLEMENT_ZONE,
  datesBetween,
  dayEndUtc,
  dayStartUtc,
  formatSettlementDate,
  gateClosureUtc,
  parseSettlementDate,
  parseSettlementPeriod,
  periodAt,
  periodEndLocal,
  periodEndUtc,
  periodStartLocal,
  periodStartUtc,
  periodsInDay,
  periodsOfDay,
  toUtcIso,
} from './settlement_calendar.js'
export type {
  PeriodInstant,
  PeriodMinutes,
  PeriodRow,
  SettlementPeriodRef,
} from './settlement_calendar.js'
export {
  ENGLAND_AND_WALES_BANK_HOLIDAYS,
  addWorkingDays,
  isWorkingDay,
  workingDaysBetween,
} from './working_days.js'
