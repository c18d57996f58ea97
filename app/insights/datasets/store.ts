/**
 * Writes built rows into insights_rows inside the caller's transaction:
 * upsert by key (a row with the key of an existing one merges into it, so a
 * file of prices and a file of volumes complete the same period row), then
 * bumps the version of every dataset-day touched and records a push event.
 */
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { recordPushEvent } from '#insights/push/publish'
import type { DatasetDefinition } from './definition.js'
import { merge, mergeWithin } from './row_merge.js'
import type { StoredRow } from './row_builder.js'

export const REFERENCE_DAY = '*'
const CHUNK = 400

export interface WriteResult {
  rows: number
  days: string[]
  version: number
}

function columns(
  definition: DatasetDefinition,
  runId: number,
  row: StoredRow,
  fields: Record<string, unknown>
) {
  const value = definition.value ? fields[definition.value] : null
  return {
    dataset: definition.code,
    run_id: runId,
    settlement_date: row.settlementDate,
    settlement_period: row.settlementPeriod,
    start_time: row.startTime,
    publish_time: definition.time.publish
      ? ((fields[definition.time.publish] as string) ?? null)
      : null,
    entity: row.entity,
    side: row.side,
    value: typeof value === 'number' ? value : null,
    row_key: row.rowKey,
    payload: JSON.stringify(fields),
  }
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
    .select('id', 'row_key', 'payload')
  const byKey = new Map<string, { id: number; payload: string }>(
    existing.map((r) => [r.row_key, r])
  )
  const inserts: ReturnType<typeof columns>[] = []
  const merged = mergeWithin(definition, rows)
  for (const row of merged) {
    const found = byKey.get(row.rowKey)
    if (!found) {
      inserts.push(columns(definition, runId, row, row.fields))
      continue
    }
    const fields = merge(definition, JSON.parse(found.payload), row)
    await trx
      .from('insights_rows')
      .where('id', found.id)
      .update(columns(definition, runId, row, fields))
  }
  for (let i = 0; i < inserts.length; i += CHUNK) {
    await trx.table('insights_rows').multiInsert(inserts.slice(i, i + CHUNK))
  }
  return merged.length
}

async function bumpDay(
  trx: TransactionClientContract,
  dataset: string,
  day: string,
  version: number
) {
  const stats = await trx
    .from('insights_rows')
    .where('dataset', dataset)
    .if(
      day === REFERENCE_DAY,
      (q) => q.whereNull('settlement_date'),
      (q) => q.where('settlement_date', day)
    )
    .select(trx.raw('count(*) as row_count'), trx.raw('count(distinct start_time) as slot_count'))
    .first()
  await trx
    .table('insights_dataset_days')
    .insert({
      dataset,
      day,
      version,
      row_count: Number(stats.row_count),
      slot_count: Number(stats.slot_count),
      updated_at: new Date().toISOString(),
    })
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
