import vine from '@vinejs/vine'
import type { VineObject } from '@vinejs/vine'

/**
 * The input datasets `settlement:import` accepts (FORMATS.md describes them).
 * Field names follow Elexon Insights where the dataset exists there (BOD,
 * BOALF, PN, DISBSAD, NETBSAD, MID, BmUnitData); unknown fields are ignored,
 * so Insights downloads import as they are.
 *
 * A dated dataset replaces its rows for every settlement date the file
 * covers; a reference dataset inserts or updates rows by their key.
 */
export const DATASET_NAMES = [
  'parties',
  'accounts',
  'bm-units',
  'tlf',
  'metered-volumes',
  'pn',
  'bod',
  'boalf',
  'absvd',
  'disbsad',
  'netbsad',
  'mid',
  'lolp',
  'ecvn',
  'mvrn',
  'asset-metered-volumes',
] as const
export type DatasetName = (typeof DATASET_NAMES)[number]

/** What a row points at, checked against the reference tables before anything is written. */
export interface RowReferences {
  bmUnits?: string[]
  accounts?: string[]
  parties?: string[]
}

/** Calendar rules for a dated row: which fields hold instants, and whether they must lie in the period. */
export interface TimeRule {
  fields: [from: string, to: string]
  withinPeriod: boolean
}

export interface DatasetSpec {
  name: DatasetName
  table: string
  /** dated: replaced per settlement date; otherwise upserted on `key` */
  dated: boolean
  hasPeriod: boolean
  schema: VineObject<any, any, any, any>
  /** fields that identify a row: a second row with the same values is a duplicate */
  key: string[]
  times?: TimeRule
  references: RowReferences
  /** columns for reference upserts (the table's unique key) */
  conflict?: string[]
  /** rules across the fields of one row: [field, message] when broken */
  rowCheck?: (record: any) => [string, string] | undefined
  toRow(record: any): Record<string, unknown>
}

/* Field schemas shared by the dataset definitions. */
export const text = (max: number) => vine.string().trim().minLength(1).maxLength(max)
export const bmUnit = () => text(16)
export const account = () => text(16)
export const number = () => vine.number()
export const integer = () => vine.number().withoutDecimals()
export const flag = () => vine.boolean().optional()
export const date = () => vine.string().trim()
export const period = () => vine.any()
export const instant = () => vine.string().trim()

export const dated = { settlementDate: date(), settlementPeriod: period() }
export const segment = {
  timeFrom: instant(),
  levelFrom: number(),
  timeTo: instant(),
  levelTo: number(),
}
export const at = (record: any) => ({
  settlement_date: record.settlementDate,
  settlement_period: record.settlementPeriod,
})
export const bool = (value: boolean | undefined) => value ?? false
