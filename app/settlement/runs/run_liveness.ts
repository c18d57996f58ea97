import { hostname } from 'node:os'
import db from '@adonisjs/lucid/services/db'
import logger from '@adonisjs/core/services/logger'
import { isExecutingHere, publishRunEvent } from './run_events.js'

/**
 * Runs left `running` by a process that died (crash, kill -9, a deploy)
 * would stay "running" for ever: nothing else finishes them. Each executing
 * process stamps its run with its id and a heartbeat; a run is abandoned when
 * its process is gone (same host, pid no longer alive, or this very process
 * id without the run in memory after a restart) or its heartbeat stopped.
 * Abandoned runs are failed with a clear error when the web server starts
 * and before each new run of the same settlement date. A run that hangs in
 * this process is stopped by its time limit instead (withinTimeLimit).
 */
export const PROCESS_ID = `${hostname()}:${process.pid}`
export const HEARTBEAT_MS = 15_000
/** Longer than any pause in heartbeats: the persist transaction of a GB-scale day stops them. */
export const STALE_AFTER_MS = 5 * 60_000

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

interface RunningRow {
  id: number
  process_id: string | null
  started_at: string | null
  heartbeat_at: string | null
  queued_at: string
}

/** Why the run can no longer be executing, or null when it may still be. */
export function abandonedBecause(row: RunningRow, now = Date.now()): string | null {
  const lastSign = row.heartbeat_at ?? row.started_at ?? row.queued_at
  const silentFor = now - Date.parse(lastSign)
  if (row.process_id === PROCESS_ID) {
    return isExecutingHere(Number(row.id))
      ? null
      : `the process that ran it (${PROCESS_ID}) restarted`
  }
  if (row.process_id) {
    const at = row.process_id.lastIndexOf(':')
    const [host, pid] = [row.process_id.slice(0, at), Number(row.process_id.slice(at + 1))]
    if (host === hostname() && Number.isInteger(pid) && !processAlive(pid))
      return `its process ${row.process_id} is no longer running`
  }
  if (silentFor > STALE_AFTER_MS)
    return `no sign of life from ${row.process_id ?? 'its process'} since ${lastSign}`
  return null
}

/** Fails every abandoned run (of one date, or all); answers their ids. */
export async function failAbandonedRuns(filter: { settlementDate?: string } = {}) {
  const query = db
    .from('settlement_runs')
    .where('status', 'running')
    .select('id', 'process_id', 'started_at', 'heartbeat_at', 'queued_at')
  if (filter.settlementDate) query.where('settlement_date', filter.settlementDate)
  const failed: number[] = []
  for (const row of (await query) as RunningRow[]) {
    const reason = abandonedBecause(row)
    if (!reason) continue
    const at = new Date().toISOString()
    const error = `Abandoned: the run was left "running" because ${reason}; no results were written. Start a new run.`
    const updated = await db
      .from('settlement_runs')
      .where('id', row.id)
      .where('status', 'running')
      .update({ status: 'failed', error, finished_at: at })
    if (!updated) continue
    failed.push(Number(row.id))
    publishRunEvent(Number(row.id), { type: 'status', status: 'failed', at, error })
    logger.warn({ runId: row.id, reason }, 'settlement: abandoned run marked failed')
  }
  return failed
}

/** Stamps the run's heartbeat every HEARTBEAT_MS until stopped; paused while a transaction holds the database. */
export function startHeartbeat(runId: number) {
  let paused = false
  const timer = setInterval(() => {
    if (paused) return
    db.from('settlement_runs')
      .where('id', runId)
      .update({ heartbeat_at: new Date().toISOString() })
      .catch((error: Error) => logger.warn({ err: error, runId }, 'settlement: heartbeat failed'))
  }, HEARTBEAT_MS)
  timer.unref()
  return {
    pause: () => (paused = true),
    stop: () => clearInterval(timer),
  }
}

/** Rejects with `failure()` once `ms` have passed, unless `work` settled first. */
export function withinTimeLimit<T>(work: Promise<T>, ms: number, failure: () => Error): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(failure()), ms)
  })
  return Promise.race([work, limit]).finally(() => clearTimeout(timer))
}
