/**
 * Types one raw value (JSON value or CSV text) as its field definition says.
 * CSV cannot tell null from absent: an empty cell is null where the field is
 * nullable and absent otherwise (then a default or "required" applies).
 */
import { parseSettlementDate, CalendarError } from '#core/calendar/index'
import type { FieldDefinition } from './definition.js'
import { normaliseInstant } from './instants.js'

export const ABSENT = Symbol('absent')
export type FieldValue = unknown | typeof ABSENT

/** A value that does not fit its field: the message says what was expected. */
export class FieldError extends Error {
  constructor(
    readonly field: string,
    message: string
  ) {
    super(message)
  }
}

const INT32 = 2 ** 31

function shown(value: unknown): string {
  return typeof value === 'string'
    ? JSON.stringify(value)
    : (JSON.stringify(value) ?? String(value))
}

function toNumber(field: FieldDefinition, raw: unknown): number {
  const value = typeof raw === 'string' && raw.trim() !== '' ? Number(raw.trim()) : raw
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new FieldError(field.name, `must be a number, got ${shown(raw)}`)
  }
  if (field.type === 'double') return value
  if (!Number.isInteger(value))
    throw new FieldError(field.name, `must be a whole number, got ${shown(raw)}`)
  if (field.type === 'int32' && (value >= INT32 || value < -INT32)) {
    throw new FieldError(field.name, `must fit in 32 bits, got ${value}`)
  }
  if (!Number.isSafeInteger(value)) throw new FieldError(field.name, `is too large, got ${value}`)
  return value
}

function toBoolean(field: FieldDefinition, raw: unknown): boolean {
  if (typeof raw === 'boolean') return raw
  const text = typeof raw === 'string' ? raw.trim().toLowerCase() : undefined
  if (text === 'true') return true
  if (text === 'false') return false
  throw new FieldError(field.name, `must be true or false, got ${shown(raw)}`)
}

function toNested(field: FieldDefinition, raw: unknown, now: string): Record<string, unknown> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new FieldError(field.name, `must be an object, got ${shown(raw)}`)
  }
  return typeFields(field.fields!, raw as Record<string, unknown>, now, `${field.name}.`)
}

// Every row of a day repeats its date: check each text once (a valid date stays valid).
const validDates = new Set<string>()

function toDate(field: FieldDefinition, raw: unknown): string {
  const text = typeof raw === 'string' ? raw.trim() : (raw as string)
  if (validDates.has(text)) return text
  try {
    parseSettlementDate(text, field.name)
  } catch (error) {
    if (error instanceof CalendarError) throw new FieldError(field.name, error.message)
    throw error
  }
  if (validDates.size >= 50_000) validDates.clear()
  validDates.add(text)
  return text
}

function typeValue(field: FieldDefinition, raw: unknown, now: string): unknown {
  switch (field.type) {
    case 'string':
      if (typeof raw !== 'string')
        throw new FieldError(field.name, `must be text, got ${shown(raw)}`)
      return raw
    case 'int32':
    case 'int64':
    case 'double':
      return toNumber(field, raw)
    case 'boolean':
      return toBoolean(field, raw)
    case 'date':
      return toDate(field, raw)
    case 'date-time': {
      const instant = normaliseInstant(raw)
      if (!instant) {
        throw new FieldError(
          field.name,
          `must be an ISO date-time with Z or an offset, got ${shown(raw)}`
        )
      }
      return instant
    }
    case 'object':
      return toNested(field, raw, now)
    case 'array':
      if (!Array.isArray(raw)) throw new FieldError(field.name, `must be a list, got ${shown(raw)}`)
      return raw.map((item) => toNested(field, item, now))
  }
}

/** The typed value of one field, or ABSENT when the record does not give one. */
export function typeField(field: FieldDefinition, raw: unknown, now: string): FieldValue {
  if (field.const !== undefined) {
    if (raw !== undefined && raw !== '' && raw !== null && raw !== field.const) {
      throw new FieldError(field.name, `must be ${JSON.stringify(field.const)}, got ${shown(raw)}`)
    }
    return field.const
  }
  if (raw === undefined || (raw === '' && !field.nullable)) return ABSENT
  if (raw === null || raw === '') {
    if (field.nullable) return null
    throw new FieldError(field.name, 'must not be null')
  }
  return typeValue(field, raw, now)
}

/** The value a field takes when the record omits it: its default, null, or ABSENT. */
export function defaultValue(field: FieldDefinition, now: string): FieldValue {
  if (field.default === 'now') return now
  if (field.default !== undefined) return field.default
  if (field.type === 'object' || field.type === 'array') return field.nullable ? null : ABSENT
  return ABSENT
}

/** Types every field of a nested object; members it omits become null (or their default). */
function typeFields(
  fields: FieldDefinition[],
  raw: Record<string, unknown>,
  now: string,
  prefix: string
) {
  const out: Record<string, unknown> = {}
  for (const field of fields) {
    let value: FieldValue
    try {
      value = typeField(field, raw[field.name], now)
    } catch (error) {
      if (error instanceof FieldError) throw new FieldError(prefix + error.field, error.message)
      throw error
    }
    if (value === ABSENT) value = defaultValue(field, now)
    if (value === ABSENT) {
      if (!field.nullable) throw new FieldError(prefix + field.name, 'is required')
      value = null
    }
    out[field.name] = value
  }
  return out
}
