/**
 * Query and path parameters of the public API, read the way Elexon reads
 * them, with every problem collected so one 400 lists them all.
 */
import type { DateTime } from 'luxon'
import {
  type CalendarError,
  parseSettlementDate,
  parseSettlementPeriod,
  periodsInDay,
} from '#core/calendar/index'
import { parseInstant } from '#insights/datasets/instants'
import { ApiProblem } from './problem.js'

export type Format = 'json' | 'xml' | 'csv'
const MAX_PERIOD = 50

export class Params {
  readonly errors: Record<string, string[]> = {}

  constructor(private readonly values: Record<string, unknown>) {}

  fail(name: string, message: string): undefined {
    ;(this.errors[name] ??= []).push(message)
    return undefined
  }

  has(name: string): boolean {
    const value = this.values[name]
    return value !== undefined && value !== ''
  }

  /** One value; repeated parameters where one is expected are an error. */
  raw(name: string, required = false): string | undefined {
    const value = this.values[name]
    if (value === undefined || value === '')
      return required ? this.fail(name, `The ${name} field is required.`) : undefined
    if (typeof value !== 'string') return this.fail(name, `${name} must be given once.`)
    return value
  }

  list(name: string): string[] {
    const value = this.values[name]
    if (value === undefined || value === '') return []
    const items = (Array.isArray(value) ? value : [value]).flatMap((item) =>
      String(item).split(',')
    )
    return items.map((item) => item.trim()).filter((item) => item !== '')
  }

  date(name: string, required = false): string | undefined {
    const value = this.raw(name, required)
    if (value === undefined) return undefined
    try {
      return parseSettlementDate(value, name)
    } catch (error) {
      return this.fail(name, (error as CalendarError).message)
    }
  }

  instant(name: string, required = false): DateTime | undefined {
    const value = this.raw(name, required)
    if (value === undefined) return undefined
    const parsed = parseInstant(value, true)
    return (
      parsed ??
      this.fail(
        name,
        `${name} must be a date-time (RFC 3339, e.g. 2022-10-22T00:00Z), got ${JSON.stringify(value)}`
      )
    )
  }

  integer(name: string, required = false): number | undefined {
    const value = this.raw(name, required)
    if (value === undefined) return undefined
    if (!/^-?\d+$/.test(value.trim()))
      return this.fail(name, `${name} must be an integer, got ${JSON.stringify(value)}`)
    return Number(value)
  }

  boolean(name: string, fallback: boolean): boolean {
    const value = this.raw(name)
    if (value === undefined) return fallback
    if (/^(true|false)$/i.test(value)) return value.toLowerCase() === 'true'
    this.fail(name, `${name} must be true or false, got ${JSON.stringify(value)}`)
    return fallback
  }

  /** A period number 1..50, and within the day's count when the day is known. */
  period(name: string, value: number | string | undefined, date?: string): number | undefined {
    if (value === undefined) return undefined
    const number =
      typeof value === 'number' ? value : /^\d+$/.test(value) ? Number(value) : Number.NaN
    if (!Number.isInteger(number) || number < 1 || number > MAX_PERIOD) {
      return this.fail(
        name,
        `${name} must be an integer from 1 to ${MAX_PERIOD}, got ${JSON.stringify(value)}`
      )
    }
    if (date) {
      try {
        parseSettlementPeriod(number, date)
      } catch {
        return this.fail(
          name,
          `${name} ${number} does not exist on ${date}, which has ${periodsInDay(date)} settlement periods`
        )
      }
    }
    return number
  }

  periods(name: string, date?: string): number[] {
    return this.list(name)
      .map((value) => this.period(name, value, date))
      .filter((value): value is number => value !== undefined)
  }

  format(allowed: readonly Format[]): Format {
    const value = this.raw('format')
    if (value === undefined) return 'json'
    const format = value.toLowerCase() as Format
    if (allowed.includes(format)) return format
    this.fail('format', `format must be one of ${allowed.join(', ')}, got ${JSON.stringify(value)}`)
    return 'json'
  }

  /** Throws the collected 400 if anything was wrong. */
  done(): void {
    if (Object.keys(this.errors).length > 0) throw new ApiProblem(400, this.errors)
  }
}

/** Whole days from `from` to `to` inclusive, or a 400 when reversed or longer than `maxDays`. */
export function checkDateRange(
  params: Params,
  fromName: string,
  from: string,
  toName: string,
  to: string,
  maxDays: number
) {
  if (to < from)
    return params.fail(toName, `${toName} (${to}) must not be before ${fromName} (${from})`)
  const days =
    Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1
  if (days > maxDays) {
    return params.fail(
      toName,
      `the range ${from} to ${to} spans ${days} days; at most ${maxDays} are allowed here (use /stream or a shorter range)`
    )
  }
  return days
}

export function checkInstantRange(
  params: Params,
  fromName: string,
  from: DateTime,
  toName: string,
  to: DateTime,
  maxDays: number
) {
  if (to < from) return params.fail(toName, `${toName} must not be before ${fromName}`)
  if (to.diff(from, 'days').days > maxDays) {
    return params.fail(
      toName,
      `the range from ${fromName} to ${toName} is longer than ${maxDays} days`
    )
  }
  return true
}
