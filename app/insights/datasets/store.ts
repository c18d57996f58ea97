/**
 * Writes built rows into insights_rows inside the caller's transaction:
 * upsert by key (a row with the key of an existing one merges into it, so a
 * file of prices and a file of volumes complete the same period row), then
 * bumps the version of every dataset-day touched and records a push event.
 */
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { bulkInsert } from '#core/db/bulk_insert'
import { recordPushEvent } from '#insights/push/publish'
import type { DatasetDefinition } from './definition.js'
import { merge, mergeWithin } from './row_merge.js'
import type { StoredRow } from './row_builder.js'

export const REFERENCE_DAY = '*'

export interface WriteResult {
  rows: number
  days: string[]
  version: number
}

const COLUMNS = [
  'dataset',
  'run_id',
  'settlement_date',
  'settlement_period',
  'start_time',
  'publish_time',
  'entity',
  'side',
  'value',
  'row_key',
  'payload',
]
/** A row that exists already is replaced by its merged version (insights_rows' unique key). */
const ROW_KEY = ['dataset', 'run_id', 'row_key']

/** The stored columns of a row, in COLUMNS order; `fields` may be the row merged with a stored one. */
function columns(
  definition: DatasetDefinition,
  runId: number,
  row: StoredRow,
  fields: Record<string, unknown>
): unknown[] {
  const value = definition.value ? fields[definition.value] : null
  return [
    definition.code,
    runId,
    row.settlementDate,
    row.settlementPeriod,
    row.startTime,
    definition.time.publish ? ((fields[definition.time.publish] as string) ?? null) : null,
    row.entity,
    row.side,
    typeof value === 'number' ? value : null,
    row.rowKey,
    JSON.stringify(fields),
  ]
}

async function writeGroup(
  trx: TransactionClientContract,
  definition: DatasetDefinition,
  runId: number,
  day: string,
  rows: StoredRow[]
) {
  const existing = await trx
    .from('insights_rows')
    .where({ dataset: definition.code, run_id: runId })
    .if(
      day === REFERENCE_DAY,
      (q) => q.whereNull('settlement_date'),
      (q) => q.where('settlement_date', day)
    )
    .select('row_key', 'payload')
  const stored = new Map<string, string>(existing.map((r) => [r.row_key, r.payload]))
  const merged = mergeWithin(definition, rows)
  const values = merged.map((row) => {
    const found = stored.get(row.rowKey)
    const fields = found === undefined ? row.fields : merge(definition, JSON.parse(found), row)
    return columns(definition, runId, row, fields)
  })
  await bulkInsert(
    trx,
    'insights_rows',
    { columns: COLUMNS, rows: values },
    { conflict: stored.size > 0 ? ROW_KEY : undefined }
  )
  return merged.length
}

async function bumpDay(
  trx: TransactionClientContract,
  dataset: string,
  day: string,
  version: number
) {
  await trx
    .table('insights_dataset_days')
    .insert({ dataset, day, version, updated_at: new Date().toISOString() })
    .onConflict(['dataset', 'day'])
    .merge()
}

/**
 * Writes rows; `runIdFor(day)` gives the run a day's rows belong to (0 when the
 * dataset is not run-versioned). `alsoDays` are bumped even without rows (a
 * run that produced none still changes which run answers for the day).
 * Returns the new data version (the push seq).
 */
export async function writeRows(
  trx: TransactionClientContract,
  definition: DatasetDefinition,
  rows: StoredRow[],
  runIdFor: (day: string) => Promise<number>,
  event: Record<string, unknown>,
  alsoDays: string[] = []
): Promise<WriteResult> {
  const groups = new Map<string, StoredRow[]>(alsoDays.map((day) => [day, []]))
  for (const row of rows) {
    const day = row.settlementDate ?? REFERENCE_DAY
    const group = groups.get(day)
    if (group) group.push(row)
    else groups.set(day, [row])
  }
  const days = [...groups.keys()].sort()
  let written = 0
  for (const day of days) {
    if (groups.get(day)!.length > 0)
      written += await writeGroup(trx, definition, await runIdFor(day), day, groups.get(day)!)
  }
  const version = await recordPushEvent(trx, definition.code, 'data', {
    days,
    rows: written,
    ...event,
  })
  for (const day of days) await bumpDay(trx, definition.code, day, version)
  return { rows: written, days, version }
}

/** Removes rows by key (reference data that ceased to exist), bumping the version like any write. */
export async function removeRows(
  trx: TransactionClientContract,
  definition: DatasetDefinition,
  keys: string[],
  event: Record<string, unknown>
) {
  const removed = await trx
    .from('insights_rows')
    .where({ dataset: definition.code, run_id: 0 })
    .whereIn('row_key', keys)
    .delete()
  const version = await recordPushEvent(trx, definition.code, 'removed', { keys, ...event })
  await bumpDay(trx, definition.code, REFERENCE_DAY, version)
  return { removed: Number(removed), version }
}
