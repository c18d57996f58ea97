/**
 * What a dataset definition (definitions/*.yaml) may say. definition_parser.ts
 * checks that a file says it well.
 */
import type { PeriodMinutes } from '#core/calendar/index'

export const FIELD_TYPES = [
  'string',
  'int32',
  'int64',
  'double',
  'boolean',
  'date',
  'date-time',
  'object',
  'array',
] as const
export type FieldType = (typeof FIELD_TYPES)[number]

export interface FieldDefinition {
  name: string
  type: FieldType
  nullable: boolean
  /** Every imported record must carry a value. */
  required: boolean
  /** A fixed value (the dataset code in `dataset` fields). */
  const?: string
  /** Used when a record omits the field; 'now' is the import instant. */
  default?: string | number | boolean
  /** Members of object fields, or of array items. */
  fields?: FieldDefinition[]
  /** The contract component those members form (object and array fields). */
  schema?: string
}

export const TIME_FAMILIES = ['instant', 'settlementPeriod', 'event', 'reference'] as const
export type TimeFamily = (typeof TIME_FAMILIES)[number]

/** Which fields carry the row's time, by role. */
export interface TimeRoles {
  family: TimeFamily
  /** Settlement period length the date/period fields refer to. */
  periodMinutes: PeriodMinutes
  /** Sampling interval of instant datasets (FUELINST: 5). */
  intervalMinutes?: number
  date?: string
  period?: string
  periodTo?: string
  start?: string
  end?: string
  publish?: string
}

export const API_STYLES = ['settlementOrPublish', 'timeRange', 'publishRange', 'none'] as const
export type ApiStyle = (typeof API_STYLES)[number]

export interface DatasetDefinition {
  code: string
  title: string
  file: string
  time: TimeRoles
  source: { kind: 'ingest' | 'settlement' | 'remit'; output?: string }
  /** Field names forming the row identity; '@side' stands for the side dimension. */
  keys: string[]
  entity?: string
  /** The entity must be a known member of this reference list. */
  entityReference?: 'fuelTypes'
  value?: string
  sides?: string[]
  api: {
    style: ApiStyle
    entityParam?: string
    maxRangeDays: number
    streamMaxRangeDays: number
    formats: string[]
  }
  /** The Elexon OpenAPI component every row conforms to. */
  contractSchema: string
  diff?: { key: string[]; values: string[] }
  fields: FieldDefinition[]
}

export class DefinitionError extends Error {
  constructor(file: string, where: string, message: string) {
    super(`${file}: ${where}: ${message}`)
    this.name = 'DefinitionError'
  }
}
