import db from '@adonisjs/lucid/services/db'
import emitter from '@adonisjs/core/services/emitter'
import { appVersion } from '#core/version'
import { buildDayInputs } from '#rules_runtime/build_day_inputs'
import { freezeInputs, shareInputs } from '#rules_runtime/snapshot'
import { computeDay, ComputeFailure, type StageProgress } from '#workers/compute_day'
import { loadDayRecords } from '#settlement/inputs/load_day_records'
import { storeSnapshot } from '#settlement/runs/snapshot_store'
import { parametersFor } from '#settlement/runs/run_parameters'
import { persistFailure, persistRun } from '#settlement/runs/persist_run'
import { defaultRuntime, type SettlementRuntime } from '#settlement/runs/runtime'
import '#settlement/events'

/**
 * Executes a queued run: load the day, freeze the inputs into a snapshot,
 * compute on the pool, persist everything in one transaction, announce it.
 * Any failure marks the run failed with the error and the stage/origin that
 * caused it; no result of any run is changed.
 */
export type RunProgress =
  | { phase: 'load' | 'persist'; state: 'started' | 'finished'; ms?: number }
  | ({ phase: 'compute' } & StageProgress)

export interface ExecuteRunOptions {
  runtime?: SettlementRuntime
  onProgress?: (progress: RunProgress) => void
  /** period ranges to split the day into (default: the pool's parallelism) */
  ranges?: number
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
  const progress = options.onProgress ?? (() => {})
  const run = await db.from('settlement_runs').where('id', runId).firstOrFail()
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
  const version = codeVersion(runtime)
  await db.from('settlement_runs').where('id', runId).update({
    status: 'running',
    started_at: new Date().toISOString(),
    code_version: version,
  })
  let stored: Promise<Error | null> = Promise.resolve(null)
  try {
    progress({ phase: 'load', state: 'started' })
    const spec = runtime.registry.spec(run.rule_set_key)
    const parameters = parametersFor(spec, run.settlement_date)
    const inputs = buildDayInputs(await loadDayRecords(run.settlement_date))
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
    progress({ phase: 'load', state: 'finished', ms: result.timings.loadMs })

    const lease = runtime.pool.lease(owner, version)
    const computeStarted = performance.now()
    const compute = await computeDay({
      lease,
      spec,
      inputs: shareInputs(inputs),
      params: parameters.values,
      ranges: options.ranges,
      onProgress: (stage) => progress({ phase: 'compute', ...stage }),
    }).finally(() => lease.release())
    result.timings.computeMs = performance.now() - computeStarted
    result.stages = compute.stages.map(({ id, origin, status, ms }) => ({ id, origin, status, ms }))

    const storeError = await stored
    if (storeError) throw storeError
    progress({ phase: 'persist', state: 'started' })
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
        stages: compute.stages.map(({ report, status, ms, ...meta }) => meta),
        pool: { owner, generation: lease.generation, parallelism: lease.parallelism },
      },
    })
    result.timings.persistMs = persisted.persistMs
    progress({ phase: 'persist', state: 'finished', ms: persisted.persistMs })
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
    await stored // the run's queries go one at a time (a transaction's connection allows no more)
    await persistFailure(runId, failure, startedAt)
  }
  result.timings.totalMs = performance.now() - startedAt
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
