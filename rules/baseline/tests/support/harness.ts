/**
 * Test harness for baseline stages: builds a day's inputs from records, takes the parameters in
 * force from the baseline catalogue (with per-test overrides) and runs the stages with
 * `executeStages` exactly as a worker does (period stages over the range, then day stages).
 */
import { fileURLToPath } from 'node:url'
import { buildDayInputs } from '../../../../app/rules_runtime/build_day_inputs.js'
import type { DayRecords } from '../../../../app/rules_runtime/day_records.js'
import { executeStages, type StageExecution } from '../../../../app/rules_runtime/execute.js'
import type { DayInputs } from '../../../../app/rules_runtime/frames.js'
import { loadParameterCatalogue, parametersOn } from '../../../../app/rules_runtime/parameters.js'
import type {
  ColumnFrame,
  ParameterValue,
  PeriodRange,
  Stage,
} from '../../../../app/rules_runtime/stage.js'
import { baselineStages } from '../../index.js'

export const catalogue = loadParameterCatalogue(
  fileURLToPath(new URL('../../parameters/', import.meta.url))
)

export interface RunOptions {
  params?: Record<string, ParameterValue>
  /** stop after this stage id (inclusive) */
  until?: string
  range?: PeriodRange
  stages?: Stage[]
}

export interface RunResult {
  inputs: DayInputs
  frames: Record<string, ColumnFrame>
  executions: StageExecution[]
  report(stageId: string): StageExecution['report']
}

export function paramsFor(date: string, overrides: Record<string, ParameterValue> = {}) {
  return { ...parametersOn(catalogue, date).values, ...overrides }
}

export function run(records: DayRecords, options: RunOptions = {}): RunResult {
  const inputs = buildDayInputs(records)
  return runInputs(inputs, options)
}

export function runInputs(inputs: DayInputs, options: RunOptions = {}): RunResult {
  const params = paramsFor(inputs.settlementDate, options.params)
  let stages = options.stages ?? baselineStages
  if (options.until) stages = stages.slice(0, stages.findIndex((s) => s.id === options.until) + 1)
  const placed = (scope: string) =>
    stages.filter((stage) => stage.scope === scope).map((stage) => ({ stage, origin: 'baseline' }))
  const range = options.range ?? { first: 1, last: inputs.periods }
  const periodRun = executeStages(placed('period'), inputs, range, params)
  const dayRun = executeStages(
    placed('day'),
    inputs,
    { first: 1, last: inputs.periods },
    params,
    periodRun.frames
  )
  const executions = [...periodRun.executions, ...dayRun.executions]
  return {
    inputs,
    frames: dayRun.frames,
    executions,
    report(stageId) {
      const found = executions.find((e) => e.stageId === stageId)
      if (!found) throw new Error(`stage ${stageId} did not run`)
      return found.report
    },
  }
}

/** Rows [from, to) of an item frame for `period` (range starting at `first`). */
export function itemRows(frame: ColumnFrame, period: number, first = 1): number[] {
  const offsets = frame.periodOffsets!
  const rows: number[] = []
  for (let r = offsets[period - first]; r < offsets[period - first + 1]; r++) rows.push(r)
  return rows
}

/** Decimal places a printed number carries ("0.99239239" → 8). */
export function decimalsOf(printed: string): number {
  const dot = printed.indexOf('.')
  return dot < 0 ? 0 : printed.length - dot - 1
}
