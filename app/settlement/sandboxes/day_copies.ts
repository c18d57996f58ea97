import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import {
  compress,
  decompressAndDecode,
  encodeChunks,
  type Encodable,
} from '#rules_runtime/columnar_codec'
import { buildDayInputs } from '#rules_runtime/build_day_inputs'
import type { DayRecords } from '#rules_runtime/day_records'
import { freezeInputs } from '#rules_runtime/snapshot'
import { hasInputs, loadDayRecords } from '#settlement/inputs/load_day_records'

/**
 * A sandbox's input source (ARCHITECTURE.md §4.7): each source day's input
 * records copied from production, in the canonical columnar encoding,
 * zstd-compressed like input snapshots. A copy is frozen — later imports do
 * not change a trial — and its runs resample it to the rule set's period
 * length as production runs would.
 */
export interface DayCopy {
  settlementDate: string
  /** the production input snapshot hash of the day as copied (30-minute periods) */
  inputHash: string
  byteLength: number
  records: Buffer
}

/** Reads and compresses one production day (outside any transaction: SQLite has one connection). */
export async function copyProductionDay(settlementDate: string): Promise<DayCopy> {
  const records = await loadDayRecords(settlementDate)
  const chunks = encodeChunks(records as unknown as Encodable)
  return {
    settlementDate,
    inputHash: freezeInputs(buildDayInputs(records)).hash,
    byteLength: chunks.reduce((sum, chunk) => sum + chunk.byteLength, 0),
    records: await compress(chunks),
  }
}

export async function storeDayCopy(
  trx: TransactionClientContract,
  sandboxId: number,
  copy: DayCopy
): Promise<void> {
  await trx.insertQuery().table('settlement_sandbox_days').insert({
    sandbox_id: sandboxId,
    settlement_date: copy.settlementDate,
    input_hash: copy.inputHash,
    byte_length: copy.byteLength,
    records: copy.records,
    created_at: new Date().toISOString(),
  })
}

/** The copied records of a sandbox day, or null when the sandbox has no copy of it. */
export async function loadDayCopy(
  sandboxId: number,
  settlementDate: string
): Promise<DayRecords | null> {
  const row = await db
    .from('settlement_sandbox_days')
    .where('sandbox_id', sandboxId)
    .where('settlement_date', settlementDate)
    .select('records')
    .first()
  return row ? decompressAndDecode<DayRecords>(row.records) : null
}

/** Whether a run of the day has inputs to read: the sandbox's copy, else production's tables. */
export async function hasRunInputs(sandboxId: number | null, settlementDate: string) {
  if (sandboxId !== null) {
    const copy = await db
      .from('settlement_sandbox_days')
      .where({ sandbox_id: sandboxId, settlement_date: settlementDate })
      .select('settlement_date')
      .first()
    if (copy) return true
  }
  return hasInputs(settlementDate)
}

/**
 * What a run reads: production runs (and sandbox runs of a day the sandbox
 * did not copy, queued directly with createRun) the production input
 * tables; a trial's runs its frozen copy of the day.
 */
export async function recordsForRun(run: {
  settlement_date: string
  sandbox_id: number | null
}): Promise<DayRecords> {
  if (run.sandbox_id !== null) {
    const copy = await loadDayCopy(Number(run.sandbox_id), run.settlement_date)
    if (copy) return copy
  }
  return loadDayRecords(run.settlement_date)
}
