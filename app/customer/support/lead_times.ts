import { DateTime } from 'luxon'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import LeadTimeRule from '#customer/models/lead_time_rule'
import { addWorkingDays, CalendarError } from '#core/calendar/index'
import type { ParameterKind } from '#customer/reference/parameters'
import { fieldError } from './journey_error.js'

/**
 * Lead times are dated parameters (customer.md §3.3, §15): the rule in force on
 * the day a request is made decides, and a Modification changes them as data.
 * The same table holds the other dated parameters (thresholds, charges).
 */
export type LeadTimeKind = Exclude<
  ParameterKind,
  | 'credit_default_level_1'
  | 'credit_default_level_2'
  | 'base_monthly_charge'
  | 'accession_fee'
  | 'vat_rate'
>

export function today(): string {
  return DateTime.utc().setZone('Europe/London').toISODate()!
}

/** The value of a dated parameter in force on `onDate`, or null when none is set. */
export async function parameterOn(
  kind: ParameterKind,
  onDate: string,
  trx?: TransactionClientContract
) {
  return LeadTimeRule.query({ client: trx })
    .where('kind', kind)
    .where('effective_from', '<=', onDate)
    .orderBy('effective_from', 'desc')
    .first()
}

export function leadTimeOn(kind: LeadTimeKind, onDate: string, trx?: TransactionClientContract) {
  return parameterOn(kind, onDate, trx)
}

/** The date `rule` after `from` (working days skip weekends and E&W bank holidays). */
export function applyLeadTime(rule: LeadTimeRule, from: string): string {
  if (rule.unit === 'working_days') return addWorkingDays(from, rule.value)
  if (rule.unit !== 'days' && rule.unit !== 'months')
    throw new Error(`${rule.kind} is measured in ${rule.unit}, not time`)
  const start = DateTime.fromISO(from, { zone: 'utc' })
  return (
    rule.unit === 'days' ? start.plus({ days: rule.value }) : start.plus({ months: rule.value })
  ).toISODate()!
}

/** Due date for an operator or party task; null when no rule is in force. */
export async function dueDate(kind: LeadTimeKind, from = today(), trx?: TransactionClientContract) {
  const rule = await leadTimeOn(kind, from, trx)
  if (!rule) return null
  try {
    return applyLeadTime(rule, from)
  } catch (error) {
    if (error instanceof CalendarError) return null
    throw error
  }
}

/**
 * Refuses an effective date inside the lead time in force on the submission
 * day, as a field error naming the earliest acceptable date.
 */
export async function assertLeadTime(
  kind: LeadTimeKind,
  field: string,
  effectiveDate: string,
  submittedOn = today(),
  trx?: TransactionClientContract
) {
  const rule = await leadTimeOn(kind, submittedOn, trx)
  if (!rule) return
  let earliest: string
  try {
    earliest = applyLeadTime(rule, submittedOn)
  } catch (error) {
    if (error instanceof CalendarError)
      fieldError(field, `Working days cannot be counted for this date: ${error.message}`)
    throw error
  }
  if (effectiveDate < earliest) {
    fieldError(
      field,
      `Must be on or after ${earliest}: the lead time is ${rule.value} ${rule.unit.replace('_', ' ')} from ${submittedOn}`,
      'leadTime'
    )
  }
}
