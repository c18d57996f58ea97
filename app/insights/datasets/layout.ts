/**
 * Layouts (layouts/*.yaml) describe third-party CSV files whose columns are
 * not the API's field names: renamed columns, a local start time with offset,
 * one column per fuel type (pivot) or one row per field (spread). Applying a
 * layout turns each CSV record into API-named values for the row builder.
 */
import { DateTime } from 'luxon'
import type { CsvRecord } from '#core/csv/csv'
import { DefinitionError, type DatasetDefinition } from './definition.js'
import { ImportError, type SourceRecord } from './import_error.js'
import { formatInstant } from './instants.js'

export interface Layout {
  name: string
  file: string
  dataset: string
  match: string[]
  legacyBmrs: boolean
  localStart?: string
  skipBlank?: string
  columns: Record<string, string>
  pivot?: { field: string; value: string; rest: 'upperCase' | 'asIs' }
  spread?: { key: string; value: string; fields: Record<string, string> }
}

export function parseLayout(
  raw: any,
  file: string,
  datasets: Map<string, DatasetDefinition>
): Layout {
  const fail = (where: string, message: string) => new DefinitionError(file, where, message)
  if (typeof raw?.name !== 'string') throw fail('name', 'is required')
  const definition = datasets.get(raw.dataset)
  if (!definition)
    throw fail('dataset', `names no dataset definition: ${JSON.stringify(raw.dataset)}`)
  if (!Array.isArray(raw.match) || raw.match.length === 0)
    throw fail('match', 'is required (header columns)')
  const fieldNames = new Set(definition.fields.map((field) => field.name))
  const checkField = (name: unknown, where: string) => {
    if (typeof name !== 'string' || !fieldNames.has(name)) {
      throw fail(where, `names no field of ${definition.code}: ${JSON.stringify(name)}`)
    }
  }
  const columns: Record<string, string> = raw.columns ?? {}
  Object.entries(columns).forEach(([column, field]) => checkField(field, `columns.${column}`))
  if (raw.localStart && !definition.time.start) {
    throw fail('localStart', `${definition.code} has no start time field to derive it into`)
  }
  if (raw.pivot) {
    checkField(raw.pivot.field, 'pivot.field')
    checkField(raw.pivot.value, 'pivot.value')
  }
  if (raw.spread) {
    Object.entries(raw.spread.fields ?? {}).forEach(([key, field]) =>
      checkField(field, `spread.fields.${key}`)
    )
  }
  return {
    name: raw.name,
    file,
    dataset: definition.code,
    match: raw.match,
    legacyBmrs: raw.legacyBmrs === true,
    localStart: raw.localStart,
    skipBlank: raw.skipBlank,
    columns,
    pivot: raw.pivot
      ? { ...raw.pivot, rest: raw.pivot.rest === 'upperCase' ? 'upperCase' : 'asIs' }
      : undefined,
    spread: raw.spread,
  }
}

export function layoutMatches(layout: Layout, header: string[]): boolean {
  return layout.match.every((column) => header.includes(column))
}

const LOCAL_WITH_OFFSET =
  /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?([+-])(\d{2}):?(\d{2})$/

/** `2018-10-28 01:00:00+01:00` (local wall time with its offset) → the UTC instant, ISO with Z. */
function localStartToUtc(value: string, line: number, column: string): string {
  const match = LOCAL_WITH_OFFSET.exec(value.trim())
  if (!match) {
    throw new ImportError(
      line,
      column,
      `must be a local date-time with its UTC offset, got ${JSON.stringify(value)}`
    )
  }
  const [, y, mo, d, h, mi, s, sign, oh, om] = match
  const instant = DateTime.fromISO(`${y}-${mo}-${d}T${h}:${mi}:${s ?? '00'}${sign}${oh}:${om}`, {
    setZone: true,
  })
  if (!instant.isValid)
    throw new ImportError(line, column, `is not a real date-time: ${JSON.stringify(value)}`)
  return formatInstant(instant)
}

/** Turns CSV records into API-named values following the layout. */
export function applyLayout(
  layout: Layout,
  definition: DatasetDefinition,
  records: CsvRecord[],
  header: string[]
): SourceRecord[] {
  const used = new Set([
    ...Object.keys(layout.columns),
    layout.localStart,
    layout.spread?.key,
    layout.spread?.value,
  ])
  const pivotColumns = layout.pivot ? header.filter((column) => !used.has(column)) : []
  const out: SourceRecord[] = []
  for (const record of records) {
    if (layout.skipBlank && record.values[layout.skipBlank].trim() === '') continue
    const values: Record<string, unknown> = {}
    for (const [column, field] of Object.entries(layout.columns))
      values[field] = record.values[column]
    if (layout.localStart) {
      values[definition.time.start!] = localStartToUtc(
        record.values[layout.localStart],
        record.line,
        layout.localStart
      )
    }
    if (layout.spread) {
      const category = record.values[layout.spread.key]
      const field = layout.spread.fields[category]
      if (!field) {
        throw new ImportError(
          record.line,
          layout.spread.key,
          `unknown value ${JSON.stringify(category)} (expected ${Object.keys(layout.spread.fields).join(' or ')})`
        )
      }
      values[field] = record.values[layout.spread.value]
    }
    if (!layout.pivot) {
      out.push({ line: record.line, values })
      continue
    }
    for (const column of pivotColumns) {
      const entity = layout.pivot.rest === 'upperCase' ? column.toUpperCase() : column
      out.push({
        line: record.line,
        column,
        values: {
          ...values,
          [layout.pivot.field]: entity,
          [layout.pivot.value]: record.values[column],
        },
      })
    }
  }
  return out
}

/** Legacy BMRS CSV: drop '*' comment lines (the last one, without its '*', is the header) and '<EOF>'. */
export function stripLegacyBmrs(text: string): string {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/)
  const comments = lines.filter((line) => line.startsWith('*'))
  const header = [...comments].reverse().find((line) => line.slice(1).trim() !== '')
  if (!header)
    throw new ImportError(1, '(header)', 'no "*"-prefixed header line found in a legacy BMRS file')
  // Keep line positions: blank out the dropped lines so errors still name the file's own line numbers.
  return lines
    .map((line) =>
      line === header ? line.slice(1) : line.startsWith('*') || line.trim() === '<EOF>' ? '' : line
    )
    .join('\n')
}
