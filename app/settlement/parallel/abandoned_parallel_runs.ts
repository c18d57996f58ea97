import db from '@adonisjs/lucid/services/db'
import { datesBetween } from '#core/calendar/index'
import { DEFAULT_RUN_TIMEOUT_MS } from '#settlement/actions/execute_run'

/**
 * A parallel run still `running` after the time its dates may take (each day's computation has
 * the run time limit, plus a margin for loading and comparing) was left by a process that stopped:
 * it is failed with that reason, so the list and the report page stop showing it as running.
 * Checked when the server starts and before each new parallel run.
 */
const MARGIN_MS = 10 * 60_000

export async function failAbandonedParallelRuns(now = Date.now()): Promise<number[]> {
  const running = await db
    .from('settlement_parallel_runs')
    .where('status', 'running')
    .select('id', 'date_from', 'date_to', 'started_at')
  const abandoned = running.filter((row) => {
    const days = datesBetween(row.date_from, row.date_to).length
    return Date.parse(row.started_at) + days * DEFAULT_RUN_TIMEOUT_MS + MARGIN_MS < now
  })
  for (const row of abandoned) {
    await db
      .from('settlement_parallel_runs')
      .where({ id: row.id, status: 'running' })
      .update({
        status: 'failed',
        finished_at: new Date(now).toISOString(),
        error:
          'Abandoned: no result within the time its dates may take; the process running it stopped',
      })
  }
  return abandoned.map((row) => Number(row.id))
}
