/**
 * How rows with the same key combine: within one batch (files repeat rows at
 * page boundaries; a prices file and a volumes file complete the same period)
 * and with what is already stored.
 */
import type { DatasetDefinition } from './definition.js'
import { ImportError } from './import_error.js'
import type { StoredRow } from './row_builder.js'

/** Later explicit values win; a later default never replaces an earlier explicit value. */
export function merge(
  definition: DatasetDefinition,
  earlier: Record<string, unknown>,
  later: StoredRow
) {
  const out: Record<string, unknown> = {}
  for (const { name } of definition.fields) {
    const useLater = name in later.fields && !(later.defaulted.includes(name) && name in earlier)
    if (useLater) out[name] = later.fields[name]
    else if (name in earlier) out[name] = earlier[name]
  }
  return out
}

/** Two records of one batch giving the same row different values: the batch is ambiguous. */
function conflict(seen: StoredRow, row: StoredRow): string | undefined {
  return Object.keys(row.fields).find(
    (name) =>
      name in seen.fields &&
      !seen.defaulted.includes(name) &&
      !row.defaulted.includes(name) &&
      JSON.stringify(seen.fields[name]) !== JSON.stringify(row.fields[name])
  )
}

/**
 * Rows of one (run, day) group merged by key, in first-seen order. Repeats
 * that agree (files often repeat rows at page boundaries) merge; repeats that
 * disagree reject the batch.
 */
export function mergeWithin(definition: DatasetDefinition, rows: StoredRow[]): StoredRow[] {
  const byKey = new Map<string, StoredRow>()
  for (const row of rows) {
    const seen = byKey.get(row.rowKey)
    if (!seen) {
      byKey.set(row.rowKey, row)
      continue
    }
    const field = conflict(seen, row)
    if (field) {
      throw new ImportError(
        row.line,
        field,
        `line ${seen.line} gives the same ${definition.code} row (${row.rowKey}) a different value`
      )
    }
    const defaulted = seen.defaulted.filter((name) => row.defaulted.includes(name))
    byKey.set(row.rowKey, { ...row, fields: merge(definition, seen.fields, row), defaulted })
  }
  return [...byKey.values()]
}
