import { move, transferableSymbol, valueSymbol } from 'piscina'
import { executeStages, StageFailure } from '../rules_runtime/execute.js'
import {
  compileRuleSet,
  RuleSetError,
  stageMeta,
  type CompiledRuleSet,
  type PlacedStage,
  type RuleSetSpec,
} from '../rules_runtime/rule_set.js'
import type { ColumnFrame, Stage } from '../rules_runtime/stage.js'
import { stageShapeProblems } from '../rules_runtime/stage_shape.js'
import type { StageExecution } from '../rules_runtime/execute.js'
import type {
  BaselineDescription,
  CompiledDescription,
  DayTask,
  DescribeModuleTask,
  ModuleDescription,
  PeriodTask,
  RuleTask,
  StagesOutcome,
} from './rule_tasks.js'

/**
 * Worker entry of the rule pool: the only place that imports rule code
 * (rules/baseline, rules/modifications/*). Compiled rule sets are cached by
 * key for the life of the worker; a new pool generation brings new code.
 */
const compiled = new Map<string, Promise<CompiledRuleSet>>()

/**
 * Imports a rule module and checks its exports: the baseline exports
 * `BASELINE_VERSION` and `baselineStages`, a plugin exports `stages`.
 */
async function importStages(module: string, role: DescribeModuleTask['role']) {
  const loaded = await import(module)
  const stages: unknown = role === 'baseline' ? loaded.baselineStages : loaded.stages
  const problems: string[] = []
  if (role === 'baseline' && typeof loaded.BASELINE_VERSION !== 'number')
    problems.push('it must export BASELINE_VERSION (a number)')
  if (!Array.isArray(stages)) {
    problems.push(`it must export ${role === 'baseline' ? 'baselineStages' : 'stages'} (an array)`)
  } else {
    stages.forEach((stage, index) =>
      problems.push(...stageShapeProblems(stage, `stage ${index + 1}`))
    )
  }
  if (problems.length) throw new Error(problems.join('; '))
  return {
    version: role === 'baseline' ? (loaded.BASELINE_VERSION as number) : null,
    stages: stages as Stage[],
  }
}

async function describeModule(task: DescribeModuleTask): Promise<ModuleDescription> {
  try {
    const { version, stages } = await importStages(task.module, task.role)
    return {
      ok: true,
      version,
      stages: stages.map(({ id, title, reference, scope, reads, writes, params }) => ({
        id,
        title,
        reference,
        scope,
        reads,
        writes,
        params,
      })),
    }
  } catch (error) {
    return { ok: false, error: (error as Error)?.message ?? String(error) }
  }
}

async function compile(spec: RuleSetSpec): Promise<CompiledRuleSet> {
  const baseline = await importStages(spec.baseline.module, 'baseline').catch((error: Error) => {
    throw new RuleSetError(spec.key, [`the baseline cannot be loaded: ${error.message}`])
  })
  if (baseline.version !== spec.baseline.version) {
    throw new RuleSetError(spec.key, [
      `the installed baseline is version ${baseline.version}, not ${spec.baseline.version}`,
    ])
  }
  const plugins = await Promise.all(
    spec.plugins.map(async (plugin) => {
      try {
        const loaded = await importStages(plugin.module, 'plugin')
        return loaded.stages
      } catch (error) {
        throw new RuleSetError(spec.key, [`${plugin.id}: ${(error as Error).message}`])
      }
    })
  )
  return compileRuleSet(spec, baseline.stages, plugins)
}

function compiledRuleSet(spec: RuleSetSpec): Promise<CompiledRuleSet> {
  let entry = compiled.get(spec.key)
  if (!entry) {
    entry = compile(spec)
    // A failed compile is not cached: the next task reports the error again.
    entry.catch(() => compiled.delete(spec.key))
    compiled.set(spec.key, entry)
  }
  return entry
}

/** Every non-shared buffer behind the frames, once each (a buffer may back several columns). */
function transferables(frames: Record<string, ColumnFrame>): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>()
  for (const frame of Object.values(frames)) {
    for (const column of [...Object.values(frame.columns), frame.periodOffsets]) {
      if (column && column.buffer instanceof ArrayBuffer) buffers.add(column.buffer)
    }
  }
  return [...buffers]
}

function runStages(stages: PlacedStage[], task: PeriodTask | DayTask): StagesOutcome {
  const range = task.kind === 'period' ? task.range : { first: 1, last: task.inputs.periods }
  let frames: Record<string, ColumnFrame> = task.kind === 'day' ? { ...task.frames } : {}
  const written: Record<string, ColumnFrame> = {}
  const executions: StageExecution[] = []
  // One stage at a time so the shared progress slot always names the running
  // stage: if this thread dies, the main thread can say where.
  for (const [index, placed] of stages.entries()) {
    Atomics.store(task.progress, 0, index)
    try {
      const result = executeStages([placed], task.inputs, range, task.params, frames)
      frames = result.frames
      executions.push(...result.executions)
    } catch (error) {
      const failure = error instanceof StageFailure ? error : null
      return {
        ok: false,
        stageId: failure?.stageId ?? placed.stage.id,
        origin: failure?.origin ?? placed.origin,
        message: (error as Error).message,
        executions,
      }
    }
    for (const name of placed.stage.writes) written[name] = frames[name]
    Atomics.store(task.progress, 1, index + 1)
  }
  return { ok: true, frames: written, executions }
}

export default async function run(task: RuleTask) {
  if (task.kind === 'describe_baseline') {
    const baseline = await importStages(task.module, 'baseline')
    return { version: baseline.version! } satisfies BaselineDescription
  }
  if (task.kind === 'describe_module') return describeModule(task)
  let ruleSet: CompiledRuleSet
  try {
    ruleSet = await compiledRuleSet(task.spec)
  } catch (error) {
    if (task.kind === 'compile') throw error
    const message = (error as Error).message
    return {
      ok: false,
      stageId: null,
      origin: null,
      message,
      executions: [],
    } satisfies StagesOutcome
  }
  if (task.kind === 'compile') {
    return {
      stages: [...ruleSet.periodStages, ...ruleSet.dayStages].map(stageMeta),
    } satisfies CompiledDescription
  }
  const outcome = runStages(task.kind === 'period' ? ruleSet.periodStages : ruleSet.dayStages, task)
  if (!outcome.ok) return outcome
  return move({
    [transferableSymbol]: transferables(outcome.frames),
    [valueSymbol]: outcome,
  } as never)
}
