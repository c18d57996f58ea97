import db from '@adonisjs/lucid/services/db'
import { latestRun } from '#settlement/runs/run_types'
import { listRuns, toRunRow, type RunFilter } from './runs.js'

/**
 * The runs list: a page of production runs, which of them is the latest
 * (best) view of its settlement date, and the dates that have inputs to run.
 */
export async function runsPage(filter: RunFilter) {
  const list = await listRuns({ ...filter, perPage: 50 })
  const dates = [...new Set(list.runs.map((run) => run.settlementDate))]
  const candidates = dates.length
    ? await db
        .from('settlement_runs')
        .whereNull('sandbox_id')
        .where('status', 'succeeded')
        .whereIn('settlement_date', dates)
        .select('id', 'settlement_date', 'run_type', 'run_number')
    : []
  const byDate = new Map<string, ReturnType<typeof toRunRow>[]>()
  for (const row of candidates) {
    const run = toRunRow(row)
    byDate.set(run.settlementDate, [...(byDate.get(run.settlementDate) ?? []), run])
  }
  const latestIds = [...byDate.values()].map((runs) => latestRun(runs)!.id)
  return {
    ...list,
    lastPage: Math.max(1, Math.ceil(list.total / list.perPage)),
    latestIds,
    datesWithInputs: await datesWithInputs(),
  }
}

/** Settlement dates whose metered volumes were imported, newest first (the ones a run can use). */
export async function datesWithInputs(limit = 90): Promise<string[]> {
  const rows = await db
    .from('settlement_import_batches')
    .where('dataset', 'metered-volumes')
    .whereNotNull('settlement_date')
    .distinct('settlement_date')
    .orderBy('settlement_date', 'desc')
    .limit(limit)
  return rows.map((row) => row.settlement_date as string)
}
