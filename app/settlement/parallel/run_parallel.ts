import { buildDayInputs } from '#rules_runtime/build_day_inputs'
import { atRuleSetPeriodLength } from '#rules_runtime/period_length'
import { freezeInputs, shareInputs } from '#rules_runtime/snapshot'
import { computeDay, ComputeFailure, type ComputeResult } from '#workers/compute_day'
import { codeVersion, DEFAULT_RUN_TIMEOUT_MS } from '#settlement/actions/execute_run'
import { loadDayRecords } from '#settlement/inputs/load_day_records'
import { withinTimeLimit } from '#settlement/runs/run_liveness'
import { failAbandonedParallelRuns } from './abandoned_parallel_runs.js'
import { parametersFor } from '#settlement/runs/run_parameters'
import { defaultRuntime, type SettlementRuntime } from '#settlement/runs/runtime'
import { compareOutputs } from './compare_outputs.js'
import { parallelDates, planParallelRun, type ParallelPlan } from './parallel_plan.js'
import { summarise, type ParallelDayReport } from './parallel_report.js'
import {
  findParallelRun,
  recordFailure,
  recordReport,
  recordStart,
  type ParallelFailure,
  type ParallelRun,
} from './parallel_run_store.js'

/**
 * A parallel run (issue 4 §5, ARCHITECTURE.md §4.6): for each date, the
 * day's inputs are loaded and frozen ONCE, then the control and the
 * candidate compute at the same time on the pool — each under its own pool
 * owner, so together they use the whole pool — and their outputs are
 * compared in memory. No run results are persisted: only the report, or a
 * failure naming the side, plugin and stage that threw.
 */
export interface ParallelRunRequest {
  pluginId: string
  from: string
  to: string
  requestedBy: string
}

export interface ParallelRunOptions {
  runtime?: SettlementRuntime
  /** one line per step, for the command's progress output */
  onProgress?: (line: string) => void
}

export const POOL_OWNERS = { control: 'parallel-run:control', candidate: 'parallel-run:candidate' }

type Side = keyof typeof POOL_OWNERS

class SideFailure extends Error {
  constructor(readonly failure: ParallelFailure) {
    super(failure.message)
  }
}

async function compareDay(
  day: ParallelPlan['days'][number],
  plan: ParallelPlan,
  runtime: SettlementRuntime,
  progress: (line: string) => void
): Promise<ParallelDayReport> {
  const started = performance.now()
  const specs = {
    control: runtime.registry.spec(day.controlKey, { production: true }),
    candidate: runtime.registry.spec(day.candidateKey, { production: false }),
  }
  const records = await loadDayRecords(day.date)
  const sides = (['control', 'candidate'] as const).map((side) => {
    const params = parametersFor(specs[side], day.date).values
    return { side, params, records: atRuleSetPeriodLength(records, params) }
  })
  const controlInputs = buildDayInputs(sides[0].records)
  const resampled = sides[1].records !== sides[0].records
  const candidateInputs = resampled ? buildDayInputs(sides[1].records) : controlInputs
  const inputHash = freezeInputs(controlInputs).hash
  const candidateInputHash = resampled ? freezeInputs(candidateInputs).hash : inputHash
  const shared = shareInputs(controlInputs)
  const inputs = { control: shared, candidate: resampled ? shareInputs(candidateInputs) : shared }
  const loadMs = performance.now() - started
  progress(`${day.date}: inputs ${inputHash.slice(0, 12)} loaded in ${Math.round(loadMs)} ms`)

  const computeStarted = performance.now()
  const version = codeVersion(runtime)
  const hung = new AbortController()
  const computing = Promise.allSettled(
    sides.map(({ side, params }) => {
      const lease = runtime.pool.lease(POOL_OWNERS[side], version)
      const options = {
        lease,
        spec: specs[side],
        inputs: inputs[side],
        params,
        signal: hung.signal,
      }
      return computeDay(options).finally(() => lease.release())
    })
  )
  // A stage that never returns must neither leave the report "running" nor hold its worker.
  const settled = await withinTimeLimit(computing, DEFAULT_RUN_TIMEOUT_MS, () => {
    hung.abort()
    const limit = DEFAULT_RUN_TIMEOUT_MS / 1000
    return new Error(`Control and candidate did not finish computing ${day.date} within ${limit} s`)
  })
  settled.forEach((outcome, index) => {
    if (outcome.status === 'rejected') throw sideFailure(sides[index].side, day, outcome.reason)
  })
  const [control, candidate] = settled.map(
    (o) => (o as PromiseFulfilledResult<ComputeResult>).value
  )
  const computeMs = performance.now() - computeStarted
  progress(`${day.date}: control and candidate computed in ${Math.round(computeMs)} ms`)

  const compareStarted = performance.now()
  const comparison = compareOutputs(
    { inputs: controlInputs, frames: control.frames },
    { inputs: candidateInputs, frames: candidate.frames },
    plan.policy
  )
  const compareMs = performance.now() - compareStarted
  progress(
    `${day.date}: ${comparison.changedValues} of ${comparison.comparedValues} values changed ` +
      `beyond tolerance (largest difference ${comparison.maxAbsDiff}), compared in ${Math.round(compareMs)} ms`
  )
  return {
    date: day.date,
    controlKey: day.controlKey,
    candidateKey: day.candidateKey,
    inputHash,
    candidateInputHash,
    timings: { loadMs, computeMs, compareMs },
    comparison,
  }
}

function sideFailure(side: Side, day: ParallelPlan['days'][number], error: unknown) {
  const key = side === 'control' ? day.controlKey : day.candidateKey
  const stageId = error instanceof ComputeFailure ? error.stageId : null
  const origin = error instanceof ComputeFailure ? error.origin : null
  const where = stageId ? ` in stage "${stageId}" of ${origin}` : ''
  const message = `The ${side} (${key}) failed on ${day.date}${where}: ${(error as Error).message}`
  return new SideFailure({ message, stageId, origin })
}

/**
 * Checks the request and records the run as started; `finished` settles
 * with the stored report (succeeded or failed) once both sides are compared.
 * Refusals (ParallelRunRefused) come before anything is recorded.
 */
export async function startParallelRun(
  request: ParallelRunRequest,
  options: ParallelRunOptions = {}
): Promise<{ id: number; finished: Promise<ParallelRun> }> {
  const runtime = options.runtime ?? defaultRuntime()
  const progress = options.onProgress ?? (() => {})
  const dates = await parallelDates(request.from, request.to)
  const plan = await planParallelRun(request.pluginId, dates, runtime)
  await failAbandonedParallelRuns()
  const id = await recordStart(plan, request.requestedBy)
  progress(`Parallel run ${id}: ${plan.days[0].controlKey} against ${plan.days[0].candidateKey}`)
  return { id, finished: execute(id, plan, runtime, progress) }
}

export async function runParallel(
  request: ParallelRunRequest,
  options: ParallelRunOptions = {}
): Promise<ParallelRun> {
  const started = await startParallelRun(request, options)
  return started.finished
}

async function execute(
  id: number,
  plan: ParallelPlan,
  runtime: SettlementRuntime,
  progress: (line: string) => void
): Promise<ParallelRun> {
  const started = performance.now()
  try {
    const days: ParallelDayReport[] = []
    for (const day of plan.days) days.push(await compareDay(day, plan, runtime, progress))
    const sum = (key: 'loadMs' | 'computeMs' | 'compareMs') =>
      days.reduce((total, day) => total + day.timings[key], 0)
    await recordReport(
      id,
      { plugin: plan.plugin, ignored: plan.policy.ignore, summary: summarise(days), days },
      {
        loadMs: sum('loadMs'),
        computeMs: sum('computeMs'),
        compareMs: sum('compareMs'),
        totalMs: performance.now() - started,
      }
    )
  } catch (error) {
    const failure =
      error instanceof SideFailure
        ? error.failure
        : { message: (error as Error).message ?? String(error), stageId: null, origin: null }
    await recordFailure(id, failure, performance.now() - started)
  }
  return (await findParallelRun(id))!
}
