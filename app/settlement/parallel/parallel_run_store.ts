import db from '@adonisjs/lucid/services/db'
import type { ParallelPlan } from './parallel_plan.js'
import type { ParallelReport } from './parallel_report.js'

/**
 * Rows of `settlement_parallel_runs` (migration 3080). A run is recorded as
 * running when it starts, so its page exists at once; it ends with ONE
 * update (in a transaction) that writes the status together with the whole
 * report, or the failure naming the side, plugin and stage.
 */
export type ParallelRunStatus = 'running' | 'succeeded' | 'failed'

export interface ParallelRunRow {
  id: number
  pluginId: string
  pluginVersion: number
  from: string
  to: string
  control: string
  candidate: string
  inputHashes: Record<string, string>
  status: ParallelRunStatus
  requestedBy: string
  startedAt: string
  finishedAt: string | null
  timings: { loadMs: number; computeMs: number; compareMs: number; totalMs: number } | null
  comparedValues: number | null
  changedValues: number | null
  maxAbsDiff: number | null
  error: { message: string; stageId: string | null; origin: string | null } | null
}

export interface ParallelRun extends ParallelRunRow {
  report: ParallelReport | null
}

export interface ParallelFailure {
  message: string
  stageId: string | null
  origin: string | null
}

const SUMMARY_COLUMNS = [
  'id',
  'plugin_id',
  'plugin_version',
  'date_from',
  'date_to',
  'control_key',
  'candidate_key',
  'input_hashes',
  'status',
  'requested_by',
  'started_at',
  'finished_at',
  'timings',
  'compared_values',
  'changed_values',
  'max_abs_diff',
  'error',
  'failed_stage',
  'failed_origin',
]

const nullableNumber = (value: unknown) => (value === null ? null : Number(value))

function toRow(row: any): ParallelRunRow {
  return {
    id: Number(row.id),
    pluginId: row.plugin_id,
    pluginVersion: Number(row.plugin_version),
    from: row.date_from,
    to: row.date_to,
    control: row.control_key,
    candidate: row.candidate_key,
    inputHashes: row.input_hashes ? JSON.parse(row.input_hashes) : {},
    status: row.status,
    requestedBy: row.requested_by,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    timings: row.timings ? JSON.parse(row.timings) : null,
    comparedValues: nullableNumber(row.compared_values),
    changedValues: nullableNumber(row.changed_values),
    maxAbsDiff: nullableNumber(row.max_abs_diff),
    error:
      row.error === null
        ? null
        : { message: row.error, stageId: row.failed_stage, origin: row.failed_origin },
  }
}

export async function recordStart(plan: ParallelPlan, requestedBy: string): Promise<number> {
  const [first] = plan.days
  const [row] = await db
    .insertQuery()
    .table('settlement_parallel_runs')
    .insert({
      plugin_id: plan.plugin.id,
      plugin_version: plan.plugin.version,
      date_from: first.date,
      date_to: plan.days[plan.days.length - 1].date,
      control_key: first.controlKey,
      candidate_key: first.candidateKey,
      status: 'running',
      requested_by: requestedBy,
      started_at: new Date().toISOString(),
    })
    .returning('id')
  return Number(typeof row === 'object' ? row.id : row)
}

export async function recordReport(
  id: number,
  report: ParallelReport,
  timings: NonNullable<ParallelRunRow['timings']>
) {
  await db.transaction(async (trx) => {
    await trx
      .from('settlement_parallel_runs')
      .where('id', id)
      .update({
        status: 'succeeded',
        finished_at: new Date().toISOString(),
        input_hashes: JSON.stringify(
          Object.fromEntries(report.days.map((day) => [day.date, day.inputHash]))
        ),
        timings: JSON.stringify(timings),
        compared_values: report.summary.comparedValues,
        changed_values: report.summary.changedValues,
        max_abs_diff: report.summary.maxAbsDiff,
        report: JSON.stringify(report),
      })
  })
}

export async function recordFailure(id: number, failure: ParallelFailure, totalMs: number) {
  await db.transaction(async (trx) => {
    await trx
      .from('settlement_parallel_runs')
      .where('id', id)
      .update({
        status: 'failed',
        finished_at: new Date().toISOString(),
        timings: JSON.stringify({ loadMs: 0, computeMs: 0, compareMs: 0, totalMs }),
        error: failure.message,
        failed_stage: failure.stageId,
        failed_origin: failure.origin,
      })
  })
}

export async function listParallelRuns(
  options: { pluginId?: string; limit?: number } = {}
): Promise<ParallelRunRow[]> {
  const query = db
    .from('settlement_parallel_runs')
    .select(SUMMARY_COLUMNS)
    .orderBy('started_at', 'desc')
    .orderBy('id', 'desc')
    .limit(options.limit ?? 100)
  if (options.pluginId) query.where('plugin_id', options.pluginId)
  const rows = await query
  return rows.map(toRow)
}

export async function findParallelRun(id: number): Promise<ParallelRun | null> {
  const row = await db.from('settlement_parallel_runs').where('id', id).first()
  if (!row) return null
  return { ...toRow(row), report: row.report ? JSON.parse(row.report) : null }
}
