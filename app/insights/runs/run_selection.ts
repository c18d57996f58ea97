/**
 * Which run's rows answer a query. Run-versioned datasets keep every run's
 * rows; by default the latest run of the latest type wins (settlement.md §6),
 * `runType=` asks for the latest run of one type. Imported files sit in
 * rank-0 pseudo-runs: they answer only for days no production run covered.
 * Only production runs ever reach this table (sandbox runs are refused on entry).
 */
import db from '@adonisjs/lucid/services/db'
import type { QueryClientContract, TransactionClientContract } from '@adonisjs/lucid/types/database'
import { runRank } from '#insights/datasets/registry'

export interface RunRef {
  id: number
  settlementRunId: string | null
  settlementDate: string
  runType: string | null
  source: string
  createdAt: string
}

function toRef(row: any): RunRef {
  return {
    id: Number(row.id),
    settlementRunId: row.settlement_run_id,
    settlementDate: row.settlement_date,
    runType: row.run_type,
    source: row.source,
    createdAt: row.created_at,
  }
}

/** The pseudo-run holding a day's imported rows of run-versioned datasets (created on first use). */
export async function importRunFor(
  trx: TransactionClientContract,
  settlementDate: string
): Promise<number> {
  const found = await trx
    .from('insights_runs')
    .where({ settlement_date: settlementDate, source: 'import' })
    .select('id')
    .first()
  if (found) return Number(found.id)
  const [row] = await trx
    .table('insights_runs')
    .insert({
      settlement_date: settlementDate,
      run_type: null,
      run_rank: 0,
      source: 'import',
      created_at: new Date().toISOString(),
    })
    .returning('id')
  return Number(typeof row === 'object' ? row.id : row)
}

/** Whether a production settlement run's outputs are held already (a cheap check before reading them). */
export async function isSettlementRunKnown(runId: string): Promise<boolean> {
  const found = await db
    .from('insights_runs')
    .where('settlement_run_id', runId)
    .select('id')
    .first()
  return Boolean(found)
}

/**
 * Registers a production settlement run inside the ingesting transaction; `isNew` is false when
 * it was registered before, also by a concurrent ingestion (PostgreSQL waits for that one to
 * commit, then the unique settlement_run_id makes this insert do nothing).
 */
export async function registerSettlementRun(
  trx: TransactionClientContract,
  run: { runId: string; settlementDate: string; runType: string }
): Promise<{ id: number; isNew: boolean }> {
  const inserted = await trx
    .table('insights_runs')
    .insert({
      settlement_run_id: run.runId,
      settlement_date: run.settlementDate,
      run_type: run.runType,
      run_rank: runRank(run.runType),
      source: 'settlement',
      created_at: new Date().toISOString(),
    })
    .onConflict('settlement_run_id')
    .ignore()
    .returning('id')
  if (inserted.length > 0) {
    const [row] = inserted
    return { id: Number(typeof row === 'object' ? row.id : row), isNew: true }
  }
  const found = await trx
    .from('insights_runs')
    .where('settlement_run_id', run.runId)
    .select('id')
    .firstOrFail()
  return { id: Number(found.id), isNew: false }
}

/** The run answering for each date: latest of `runType` if given, else the best view. */
export async function selectRuns(
  dates: string[],
  runType?: string,
  client: QueryClientContract = db.connection()
): Promise<Map<string, RunRef>> {
  if (dates.length === 0) return new Map()
  const rows = await client
    .from('insights_runs')
    .whereIn('settlement_date', dates)
    .if(runType, (q) => q.where('run_type', runType!))
    .orderBy('run_rank', 'desc')
    .orderBy('id', 'desc')
    .select('*')
  const chosen = new Map<string, RunRef>()
  for (const row of rows)
    if (!chosen.has(row.settlement_date)) chosen.set(row.settlement_date, toRef(row))
  return chosen
}
