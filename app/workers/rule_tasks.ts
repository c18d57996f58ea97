import type { DayInputs } from '../rules_runtime/frames.js'
import type { ColumnFrame, ParameterValues, PeriodRange } from '../rules_runtime/stage.js'
import type { StageExecution } from '../rules_runtime/execute.js'
import type { RuleSetSpec, StageMeta } from '../rules_runtime/rule_set.js'
import type { ModuleDescription } from '../rules_runtime/plugin_catalogue.js'

export type { ModuleDescription }

/**
 * The messages between the main thread and rule workers. Inputs travel with
 * numeric columns on SharedArrayBuffers (one copy for every worker); outputs
 * come back as transferred buffers.
 */
export interface DescribeBaselineTask {
  kind: 'describe_baseline'
  /** file URL of the baseline module */
  module: string
}

/**
 * Imports one rule module (the baseline or a plugin's index) and reports its
 * stages' declared identities, so the main thread can validate rule sets
 * without importing rule code.
 */
export interface DescribeModuleTask {
  kind: 'describe_module'
  module: string
  role: 'baseline' | 'plugin'
}

export interface CompileTask {
  kind: 'compile'
  spec: RuleSetSpec
}

/** Runs the period-scope stages over one period range. */
export interface PeriodTask {
  kind: 'period'
  spec: RuleSetSpec
  inputs: DayInputs
  range: PeriodRange
  params: ParameterValues
  /** [index of the stage running, stages done]; read by the main thread for progress and crash reports */
  progress: Int32Array
}

/** Runs the day-scope stages on the merged period frames. */
export interface DayTask {
  kind: 'day'
  spec: RuleSetSpec
  inputs: DayInputs
  frames: Record<string, ColumnFrame>
  params: ParameterValues
  progress: Int32Array
}

export type RuleTask =
  DescribeBaselineTask | DescribeModuleTask | CompileTask | PeriodTask | DayTask

export interface BaselineDescription {
  version: number
}

export interface CompiledDescription {
  /** execution order: period stages, then day stages */
  stages: StageMeta[]
}

export interface StagesSucceeded {
  ok: true
  /** only the frames this task's stages wrote */
  frames: Record<string, ColumnFrame>
  executions: StageExecution[]
}

export interface StagesFailed {
  ok: false
  /** null when the failure is not inside a stage (e.g. the rule set does not compile) */
  stageId: string | null
  origin: string | null
  message: string
  /** stages that finished before the failure */
  executions: StageExecution[]
}

export type StagesOutcome = StagesSucceeded | StagesFailed
