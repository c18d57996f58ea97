import type { DayInputs } from '#rules_runtime/frames'
import type { ColumnFrame, ParameterValues, PeriodRange, StageReport } from '#rules_runtime/stage'
import type { StageExecution } from '#rules_runtime/execute'
import type { RuleSetSpec, StageMeta } from '#rules_runtime/rule_set'
import { mergePeriodFrames } from '#rules_runtime/merge_frames'
import type { PoolLease } from './pool.js'
import type { CompiledDescription, StagesOutcome } from './rule_tasks.js'

/**
 * One day's computation on the pool (ARCHITECTURE.md §4.5): period-scope
 * stages run per period range in parallel, their frames are merged in period
 * order, then the day-scope stages run once on the merged frames. Every task
 * of the day uses the same lease, hence the same rule code.
 */
export interface StageSummary extends StageMeta {
  position: number
  status: 'succeeded' | 'failed' | 'not_run'
  /** compute time summed over the period ranges */
  ms: number
  report: StageReport
}

export interface StageProgress {
  stageId: string
  scope: 'period' | 'day'
  done: number
  total: number
}

export interface ComputeResult {
  frames: Record<string, ColumnFrame>
  /** the stage that wrote each frame */
  writers: Record<string, string>
  stages: StageSummary[]
  ranges: PeriodRange[]
}

export class ComputeFailure extends Error {
  constructor(
    message: string,
    readonly stageId: string | null,
    readonly origin: string | null,
    readonly stages: StageSummary[]
  ) {
    super(message)
    this.name = 'ComputeFailure'
  }
}

const MAX_DETAIL_IDS = 50

/** `count` contiguous ranges of nearly equal length covering 1..periods. */
export function splitPeriods(periods: number, count: number): PeriodRange[] {
  const n = Math.max(1, Math.min(periods, count))
  return Array.from({ length: n }, (_, i) => ({
    first: Math.floor((i * periods) / n) + 1,
    last: Math.floor(((i + 1) * periods) / n),
  }))
}

function addReport(into: StageReport, report: StageReport) {
  for (const [key, value] of Object.entries(report.processed))
    into.processed[key] = (into.processed[key] ?? 0) + value
  for (const [key, value] of Object.entries(report.indicators))
    into.indicators[key] = (into.indicators[key] ?? 0) + value
  for (const [key, ids] of Object.entries(report.details ?? {})) {
    into.details ??= {}
    into.details[key] = [...(into.details[key] ?? []), ...ids].slice(0, MAX_DETAIL_IDS)
  }
}

export interface ComputeOptions {
  lease: PoolLease
  spec: RuleSetSpec
  /** numeric columns on SharedArrayBuffers (snapshot.ts shareInputs/thawInputs) */
  inputs: DayInputs
  params: ParameterValues
  /** period ranges to split the day into (default: what the lease can run at once) */
  ranges?: number
  onProgress?: (progress: StageProgress) => void
  /** aborting stops the day's tasks and the worker threads running them (a hung stage) */
  signal?: AbortSignal
}

export async function computeDay(options: ComputeOptions): Promise<ComputeResult> {
  const { lease, spec, inputs, params, signal } = options
  let described: CompiledDescription
  try {
    described = await lease.run<CompiledDescription>({ kind: 'compile', spec }, { signal })
  } catch (error) {
    throw new ComputeFailure((error as Error).message, null, null, [])
  }
  const stages: StageSummary[] = described.stages.map((meta, position) => ({
    ...meta,
    position,
    status: 'not_run',
    ms: 0,
    report: { processed: {}, indicators: {} },
  }))
  const periodStages = stages.filter((stage) => stage.scope === 'period')
  const dayStages = stages.filter((stage) => stage.scope === 'day')
  const ranges = splitPeriods(inputs.periods, options.ranges ?? lease.parallelism)

  const record = (executions: StageExecution[]) => {
    for (const execution of executions) {
      const stage = stages.find((s) => s.id === execution.stageId)!
      stage.ms += execution.ms
      addReport(stage.report, execution.report)
    }
  }
  const runTasks = async (
    scoped: StageSummary[],
    tasks: { progress: Int32Array; run: () => Promise<StagesOutcome> }[]
  ) => {
    const watch =
      options.onProgress &&
      watchProgress(
        scoped,
        tasks.map((t) => t.progress),
        options.onProgress
      )
    const settled = await Promise.allSettled(tasks.map((task) => task.run()))
    watch?.stop()
    const outcomes: Record<string, ColumnFrame>[] = []
    let failure: ComputeFailure | undefined
    settled.forEach((result, index) => {
      if (result.status === 'fulfilled') record(result.value.executions)
      if (result.status === 'fulfilled' && result.value.ok) {
        outcomes.push(result.value.frames)
        return
      }
      if (failure) return
      if (result.status === 'rejected') {
        const running = scoped[Atomics.load(tasks[index].progress, 0)]
        const where = running ? ` while running stage "${running.id}" (${running.origin})` : ''
        const message = `worker stopped${where}: ${(result.reason as Error).message}`
        failure = new ComputeFailure(message, running?.id ?? null, running?.origin ?? null, stages)
      } else if (!result.value.ok) {
        failure = new ComputeFailure(
          result.value.message,
          result.value.stageId,
          result.value.origin,
          stages
        )
      }
    })
    // A stage succeeded when every task got past it.
    scoped.forEach((stage, index) => {
      if (tasks.every((task) => Atomics.load(task.progress, 1) > index)) stage.status = 'succeeded'
      else if (stage.id === failure?.stageId) stage.status = 'failed'
    })
    if (failure) throw failure
    return outcomes
  }
  const progressSlot = () => new Int32Array(new SharedArrayBuffer(8))

  const periodOutcomes = await runTasks(
    periodStages,
    ranges.map((range) => {
      const progress = progressSlot()
      return {
        progress,
        run: () =>
          lease.run<StagesOutcome>(
            { kind: 'period', spec, inputs, range, params, progress },
            { signal }
          ),
      }
    })
  )
  const frames = mergePeriodFrames(periodOutcomes, { shared: dayStages.length > 0 })
  if (dayStages.length > 0) {
    // Only what the day stages read crosses to the worker (labels are copied, columns shared).
    const reads = new Set(dayStages.flatMap((stage) => stage.reads))
    const readByDay = Object.fromEntries(Object.entries(frames).filter(([name]) => reads.has(name)))
    const progress = progressSlot()
    const [dayFrames] = await runTasks(dayStages, [
      {
        progress,
        run: () =>
          lease.run<StagesOutcome>(
            { kind: 'day', spec, inputs, frames: readByDay, params, progress },
            { signal }
          ),
      },
    ])
    Object.assign(frames, dayFrames)
  }
  const writers: Record<string, string> = {}
  for (const stage of stages) for (const name of stage.writes) writers[name] = stage.id
  return { frames, writers, stages, ranges }
}

/** Polls the tasks' shared progress slots and reports each stage's finished ranges as they change. */
function watchProgress(
  stages: StageSummary[],
  slots: Int32Array[],
  report: (progress: StageProgress) => void
) {
  const seen = stages.map(() => -1)
  const poll = () => {
    stages.forEach((stage, index) => {
      const done = slots.filter((slot) => Atomics.load(slot, 1) > index).length
      if (done !== seen[index]) {
        seen[index] = done
        report({ stageId: stage.id, scope: stage.scope, done, total: slots.length })
      }
    })
  }
  const timer = setInterval(poll, 50)
  return {
    stop() {
      clearInterval(timer)
      poll()
    },
  }
}
