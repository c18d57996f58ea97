import db from '@adonisjs/lucid/services/db'
import emitter from '@adonisjs/core/services/emitter'
import { appVersion } from '#core/version'
import { buildDayInputs } from '#rules_runtime/build_day_inputs'
import { atRuleSetPeriodLength } from '#rules_runtime/period_length'
import { freezeInputs, shareInputs } from '#rules_runtime/snapshot'
import { computeDay, ComputeFailure } from '#workers/compute_day'
import { storeSnapshot } from '#settlement/runs/snapshot_store'
import { leaseForRun } from '#settlement/sandboxes/sandbox_capacity'
import { recordsForRun } from '#settlement/sandboxes/day_copies'
import { parametersFor } from '#settlement/runs/run_parameters'
import { persistFailure, persistRun } from '#settlement/runs/persist_run'
import { defaultRuntime, type SettlementRuntime } from '#settlement/runs/runtime'
import { runReporter, type RunProgress } from '#settlement/runs/run_reporter'
import {
  failAbandonedRuns,
  PROCESS_ID,
  startHeartbeat,
  withinTimeLimit,
} from '#settlement/runs/run_liveness'
import '#settlement/events'

/**
 * Executes a queued run: load the day, freeze the inputs into a snapshot,
 * compute on the pool, persist everything in one transaction, announce it.
 * Any failure marks the run failed with the error and the stage/origin that
 * caused it; no result of any run is changed. Every status, phase and stage
 * change is published live (run_events.ts); loading and computing must end
 * within the run's time limit.
 */
export type { RunProgress } from '#settlement/runs/run_reporter'

/** Loading and computing a GB-scale day takes about a minute on two cores; this is a hang. */
export const DEFAULT_RUN_TIMEOUT_MS = 30 * 60_000

export interface ExecuteRunOptions {
  runtime?: SettlementRuntime
  onProgress?: (progress: RunProgress) => void
  /** period ranges to split the day into (default: the pool's parallelism) */
  ranges?: number
  /** time limit for loading and computing (default DEFAULT_RUN_TIMEOUT_MS) */
  timeoutMs?: number
}

export interface RunResult {
  runId: number
  status: 'succeeded' | 'failed'
  settlementDate: string
  runType: string
  runNumber: number
  periods: number | null
  ruleSetKey: string
  inputHash: string | null
  outputHash: string | null
  stages: { id: string; origin: string; status: string; ms: number }[]
  totals: Record<string, number> | null
  timings: { loadMs: number; computeMs: number; persistMs: number; totalMs: number }
  error: { message: string; stageId: string | null; origin: string | null } | null
}

export function codeVersion(runtime: SettlementRuntime): string {
  return `${appVersion()}+rules.${runtime.registry.rulesHash().slice(0, 16)}`
}

export async function executeRun(
  runId: number,
  options: ExecuteRunOptions = {}
): Promise<RunResult> {
  const runtime = options.runtime ?? defaultRuntime()
  const timeoutMs = options.timeoutMs ?? DEFAULT_RUN_TIMEOUT_MS
  const run = await db.from('settlement_runs').where('id', runId).firstOrFail()
  await failAbandonedRuns({ settlementDate: run.settlement_date })
  const startedAt = performance.now()
  const owner = run.sandbox_id === null ? 'production' : `sandbox:${run.sandbox_id}`
  const result: RunResult = {
    runId,
    status: 'failed',
    settlementDate: run.settlement_date,
    runType: run.run_type,
    runNumber: run.run_number,
    periods: null,
    ruleSetKey: run.rule_set_key,
    inputHash: null,
    outputHash: null,
    stages: [],
    totals: null,
    timings: { loadMs: 0, computeMs: 0, persistMs: 0, totalMs: 0 },
    error: null,
  }
  const report = runReporter(runId, options.onProgress)
  const version = codeVersion(runtime)
  const now = new Date().toISOString()
  // Live before the row says "running", so a sweep in this process never takes it for abandoned.
  report.status({ type: 'status', status: 'running', at: now })
  await db.from('settlement_runs').where('id', runId).update({
    status: 'running',
    started_at: now,
    code_version: version,
    process_id: PROCESS_ID,
    heartbeat_at: now,
  })
  const heartbeat = startHeartbeat(runId)
  let stored: Promise<Error | null> = Promise.resolve(null)
  try {
    const spec = runtime.registry.spec(run.rule_set_key)
    const parameters = parametersFor(spec, run.settlement_date)
    const hung = new AbortController()
    const loadAndCompute = async () => {
      report.phase('load', 'started')
      const records = await recordsForRun(run)
      const inputs = buildDayInputs(atRuleSetPeriodLength(records, parameters.values))
      const snapshot = freezeInputs(inputs)
      result.inputHash = snapshot.hash
      result.periods = inputs.periods
      await db
        .from('settlement_runs')
        .where('id', runId)
        .update({
          input_hash: snapshot.hash,
          periods: inputs.periods,
          period_minutes: inputs.periodMinutes,
          parameters: JSON.stringify(parameters.sources),
        })
      // Compressing and storing a new snapshot overlaps the computation; it is stored before the results.
      stored = storeSnapshot(snapshot, run.settlement_date).then(
        () => null,
        (error: Error) => error
      )
      result.timings.loadMs = performance.now() - startedAt
      report.phase('load', 'finished', result.timings.loadMs)

      const lease = await leaseForRun(runtime.pool, run.sandbox_id, version)
      const computeStarted = performance.now()
      report.phase('compute', 'started')
      const compute = await computeDay({
        lease,
        spec,
        inputs: shareInputs(inputs),
        params: parameters.values,
        ranges: options.ranges,
        onProgress: report.stage,
        signal: hung.signal,
      }).finally(() => lease.release())
      result.timings.computeMs = performance.now() - computeStarted
      report.phase('compute', 'finished', result.timings.computeMs)
      return { inputs, snapshot, compute, lease }
    }
    const done = await withinTimeLimit(loadAndCompute(), timeoutMs, () => {
      // Stops the worker threads still running the day's tasks, so a hung stage frees its worker.
      hung.abort()
      const stuck = report.runningStage()
      const where = stuck ? ` while stage "${stuck.stageId}" was running` : ''
      return new ComputeFailure(
        `Run stopped: loading and computing exceeded the time limit of ${Math.round(timeoutMs / 1000)} s${where}`,
        stuck?.stageId ?? null,
        null,
        []
      )
    })
    const { inputs, snapshot, compute } = done
    result.stages = compute.stages.map(({ id, origin, status, ms }) => ({ id, origin, status, ms }))
    report.stagesEnded(compute.stages)

    const storeError = await stored
    if (storeError) throw storeError
    report.phase('persist', 'started')
    heartbeat.pause()
    const persisted = await persistRun({
      runId,
      inputs,
      compute,
      timings: { loadMs: result.timings.loadMs, computeMs: result.timings.computeMs, startedAt },
      manifest: {
        settlementDate: run.settlement_date,
        runType: run.run_type,
        runNumber: run.run_number,
        sandboxId: run.sandbox_id,
        ruleSetKey: spec.key,
        ruleSet: spec,
        codeVersion: version,
        inputHash: snapshot.hash,
        periods: inputs.periods,
        periodMinutes: inputs.periodMinutes,
        parameters: parameters.sources,
        stages: compute.stages.map(({ report: _report, status, ms, ...meta }) => meta),
        pool: { owner, generation: done.lease.generation, parallelism: done.lease.parallelism },
      },
    })
    result.timings.persistMs = persisted.persistMs
    report.phase('persist', 'finished', persisted.persistMs)
    result.status = 'succeeded'
    result.outputHash = persisted.outputHash
    result.totals = persisted.totals
  } catch (error) {
    const failure =
      error instanceof ComputeFailure
        ? error
        : new ComputeFailure((error as Error).message ?? String(error), null, null, [])
    result.error = { message: failure.message, stageId: failure.stageId, origin: failure.origin }
    result.stages = failure.stages.map(({ id, origin, status, ms }) => ({ id, origin, status, ms }))
    report.stagesEnded(failure.stages)
    await stored // the run's queries go one at a time (a transaction's connection allows no more)
    await persistFailure(runId, failure, startedAt)
  } finally {
    heartbeat.stop()
  }
  result.timings.totalMs = performance.now() - startedAt
  report.status({
    type: 'status',
    status: result.status,
    at: new Date().toISOString(),
    error: result.error?.message ?? null,
    outputHash: result.outputHash,
    totalMs: result.timings.totalMs,
  })
  if (result.status === 'succeeded') {
    await emitter.emit('settlement:run_completed', {
      runId,
      settlementDate: run.settlement_date,
      runType: run.run_type,
      sandboxId: run.sandbox_id,
    })
  }
  return result
}
