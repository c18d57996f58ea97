import db from '@adonisjs/lucid/services/db'
import { compressSnapshot, thawInputs, type InputSnapshot } from '#rules_runtime/snapshot'
import type { DayInputs } from '#rules_runtime/frames'

/**
 * Input snapshots in `settlement_input_snapshots`, deduplicated by content
 * hash: a day re-run on unchanged inputs stores nothing new (and skips the
 * compression).
 */
export async function storeSnapshot(
  snapshot: InputSnapshot,
  settlementDate: string
): Promise<void> {
  const existing = await db
    .from('settlement_input_snapshots')
    .where('hash', snapshot.hash)
    .select('hash')
    .first()
  if (existing) return
  await db
    .insertQuery()
    .table('settlement_input_snapshots')
    .insert({
      hash: snapshot.hash,
      settlement_date: settlementDate,
      byte_length: snapshot.byteLength,
      data: await compressSnapshot(snapshot),
      created_at: new Date().toISOString(),
    })
    .knexQuery.onConflict('hash')
    .ignore()
}

export class SnapshotMissingError extends Error {
  constructor(hash: string) {
    super(`Input snapshot ${hash} is not stored`)
    this.name = 'SnapshotMissingError'
  }
}

/** The stored inputs, with numeric columns on SharedArrayBuffers ready for the pool. */
export async function loadSnapshot(hash: string): Promise<DayInputs> {
  const row = await db.from('settlement_input_snapshots').where('hash', hash).select('data').first()
  if (!row) throw new SnapshotMissingError(hash)
  return thawInputs(row.data, { shared: true })
}
