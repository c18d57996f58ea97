import db from '@adonisjs/lucid/services/db'
import { latestRun, type RunType } from '#settlement/runs/run_types'

/**
 * Read side of settlement runs: lists, details with stages, and the "latest"
 * run of a day (settlement.md §6). Production queries never see sandbox runs
 * unless a sandbox id is asked for.
 */
export interface RunRow {
  id: number
  settlementDate: string
  runType: RunType
  runNumber: number
  sandboxId: number | null
  status: 'queued' | 'running' | 'succeeded' | 'failed'
  ruleSetKey: string
  inputHash: string | null
  outputHash: string | null
  codeVersion: string | null
  periods: number | null
  totals: Record<string, number> | null
  error: string | null
  failedStage: string | null
  failedOrigin: string | null
  requestedBy: string
  queuedAt: string
  startedAt: string | null
  finishedAt: string | null
  timings: {
    loadMs: number | null
    computeMs: number | null
    persistMs: number | null
    totalMs: number | null
  }
}

const num = (value: unknown) => (value === null || value === undefined ? null : Number(value))

export function toRunRow(row: Record<string, any>): RunRow {
  return {
    id: Number(row.id),
    settlementDate: row.settlement_date,
    runType: row.run_type,
    runNumber: Number(row.run_number),
    sandboxId: num(row.sandbox_id),
    status: row.status,
    ruleSetKey: row.rule_set_key,
    inputHash: row.input_hash,
    outputHash: row.output_hash,
    codeVersion: row.code_version,
    periods: num(row.periods),
    totals: row.totals ? JSON.parse(row.totals) : null,
    error: row.error,
    failedStage: row.failed_stage,
    failedOrigin: row.failed_origin,
    requestedBy: row.requested_by,
    queuedAt: row.queued_at,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    timings: {
      loadMs: num(row.load_ms),
      computeMs: num(row.compute_ms),
      persistMs: num(row.persist_ms),
      totalMs: num(row.total_ms),
    },
  }
}

const LIST_COLUMNS = [
  'id',
  'settlement_date',
  'run_type',
  'run_number',
  'sandbox_id',
  'status',
  'rule_set_key',
  'input_hash',
  'output_hash',
  'code_version',
  'periods',
  'totals',
  'error',
  'failed_stage',
  'failed_origin',
  'requested_by',
  'queued_at',
  'started_at',
  'finished_at',
  'load_ms',
  'compute_ms',
  'persist_ms',
  'total_ms',
]

function scoped(sandboxId: number | null) {
  const query = db.from('settlement_runs')
  return sandboxId === null ? query.whereNull('sandbox_id') : query.where('sandbox_id', sandboxId)
}

export interface RunFilter {
  from?: string
  to?: string
  runType?: RunType
  status?: RunRow['status']
  sandboxId?: number | null
  page?: number
  perPage?: number
}

export async function listRuns(filter: RunFilter = {}) {
  const perPage = Math.min(Math.max(filter.perPage ?? 50, 1), 500)
  const page = Math.max(filter.page ?? 1, 1)
  const query = scoped(filter.sandboxId ?? null)
  if (filter.from) query.where('settlement_date', '>=', filter.from)
  if (filter.to) query.where('settlement_date', '<=', filter.to)
  if (filter.runType) query.where('run_type', filter.runType)
  if (filter.status) query.where('status', filter.status)
  const [{ total }] = await query.clone().count('* as total')
  const rows = await query
    .select(LIST_COLUMNS)
    .orderBy('settlement_date', 'desc')
    .orderBy('id', 'desc')
    .limit(perPage)
    .offset((page - 1) * perPage)
  return { total: Number(total), page, perPage, runs: rows.map(toRunRow) }
}

export async function findRun(runId: number): Promise<RunRow | null> {
  const row = await db.from('settlement_runs').where('id', runId).select(LIST_COLUMNS).first()
  return row ? toRunRow(row) : null
}

export interface StageRow {
  position: number
  stageId: string
  origin: string
  scope: string
  title: string
  reference: string
  status: string
  ms: number | null
  processed: Record<string, number>
  indicators: Record<string, number>
  details: Record<string, string[]>
}

export async function runStages(runId: number): Promise<StageRow[]> {
  const rows = await db.from('settlement_run_stages').where('run_id', runId).orderBy('position')
  return rows.map((row) => ({
    position: Number(row.position),
    stageId: row.stage_id,
    origin: row.origin,
    scope: row.scope,
    title: row.title,
    reference: row.reference,
    status: row.status,
    ms: num(row.ms),
    processed: JSON.parse(row.processed ?? '{}'),
    indicators: JSON.parse(row.indicators ?? '{}'),
    details: JSON.parse(row.details ?? '{}'),
  }))
}

/** A run with its stages, parameters and manifest (the run page). */
export async function runDetail(runId: number) {
  const row = await db.from('settlement_runs').where('id', runId).first()
  if (!row) return null
  return {
    ...toRunRow(row),
    parameters: row.parameters ? JSON.parse(row.parameters) : null,
    manifest: row.manifest ? JSON.parse(row.manifest) : null,
    stages: await runStages(runId),
  }
}

/** The best view of a day: latest run type performed, then highest run number (II never beats an invoiced run). */
export async function latestRunFor(
  settlementDate: string,
  sandboxId: number | null = null
): Promise<RunRow | null> {
  const rows = await scoped(sandboxId)
    .where('settlement_date', settlementDate)
    .where('status', 'succeeded')
    .select(LIST_COLUMNS)
  const runs = rows.map(toRunRow)
  return latestRun(runs)
}

/** Latest succeeded run of each date in a range (for series across days). */
export async function latestRunsBetween(
  from: string,
  to: string,
  sandboxId: number | null = null
): Promise<RunRow[]> {
  const rows = await scoped(sandboxId)
    .whereBetween('settlement_date', [from, to])
    .where('status', 'succeeded')
    .select(LIST_COLUMNS)
  const byDate = new Map<string, RunRow[]>()
  for (const run of rows.map(toRunRow))
    byDate.set(run.settlementDate, [...(byDate.get(run.settlementDate) ?? []), run])
  return [...byDate.keys()].sort().map((date) => latestRun(byDate.get(date)!)!)
}
