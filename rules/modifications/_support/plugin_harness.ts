/**
 * Test harness for Modification plugins (not a plugin: folders starting with `_` hold no
 * manifest). Reads a plugin folder the way the runtime does — manifest, `parameters/*.yaml`,
 * `index.ts` — builds the rule set with the runtime's own `compileRuleSet` (overrides and
 * additions placed exactly as in production), and runs a fixture day through it, resampled to the
 * period length the rule set's `settlement_period_minutes` gives (as the loader does).
 */
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { buildDayInputs } from '../../../app/rules_runtime/build_day_inputs.js'
import type { DayRecords } from '../../../app/rules_runtime/day_records.js'
import { executeStages } from '../../../app/rules_runtime/execute.js'
import type { DayInputs } from '../../../app/rules_runtime/frames.js'
import type { PluginManifest } from '../../../app/rules_runtime/manifest.js'
import {
  applyParameterDeltas,
  loadParameterCatalogue,
  parametersOn,
} from '../../../app/rules_runtime/parameters.js'
import { readPluginFolder } from '../../../app/rules_runtime/plugin_folder.js'
import { canonicalOrder, type ValidPlugin } from '../../../app/rules_runtime/plugin_set.js'
import { keyOf, pluginSpec } from '../../../app/rules_runtime/registry.js'
import {
  compileRuleSet,
  type PlacedStage,
  type PluginSpec,
} from '../../../app/rules_runtime/rule_set.js'
import { resampleDayRecords } from '../../../app/rules_runtime/resample_day_records.js'
import type {
  ColumnFrame,
  ParameterValue,
  Stage,
  StageReport,
} from '../../../app/rules_runtime/stage.js'
import { BASELINE_VERSION, baselineStages } from '../../baseline/index.js'

export interface LoadedPlugin {
  dir: URL
  folder: ValidPlugin
  manifest: PluginManifest
  /** what the registry hands workers: overrides, additions, parameter deltas */
  spec: PluginSpec
  stages: Stage[]
}

const BASELINE_PARAMETERS = fileURLToPath(new URL('../../baseline/parameters/', import.meta.url))

/** `dir` is the plugin folder URL (with a trailing slash); a folder with problems is refused. */
export async function loadPlugin(dir: URL): Promise<LoadedPlugin> {
  const path = fileURLToPath(dir)
  const folder = readPluginFolder(path, path.split('/').filter(Boolean).at(-1)!)
  if (folder.problems.length || !folder.manifest) {
    throw new Error(`${folder.id} is not a valid plugin: ${folder.problems.join('; ')}`)
  }
  const valid = folder as ValidPlugin
  const { stages } = (await import(new URL('index.ts', dir).href)) as { stages: Stage[] }
  return { dir, folder: valid, manifest: valid.manifest, spec: pluginSpec(valid), stages }
}

export interface RuleSetRun {
  key: string
  inputs: DayInputs
  frames: Record<string, ColumnFrame>
  params: Record<string, ParameterValue>
  /** `origin:stageId` in execution order (origin: the plugin id, or 'baseline') */
  order: string[]
  /** per stage id: the `inputs.<field>`, frame names and `param:<name>` it actually read */
  reads: Map<string, Set<string>>
  /** per stage id: what it processed and the data-quality indicators it saw */
  reports: Map<string, StageReport>
}

/** Runs `records` through the baseline with `plugins` applied (none: the baseline itself). */
export function runRuleSet(records: DayRecords, plugins: LoadedPlugin[] = []): RuleSetRun {
  const ordered = canonicalOrder(plugins.map((plugin) => ({ ...plugin.folder, plugin })))
  const key = keyOf(BASELINE_VERSION, ordered)
  const catalogue = applyParameterDeltas(
    loadParameterCatalogue(BASELINE_PARAMETERS),
    ordered.flatMap(({ plugin }) => plugin.spec.parameterDeltas)
  )
  const params = parametersOn(catalogue, records.settlementDate).values
  const minutes = params.settlement_period_minutes
  const day =
    minutes === records.periodMinutes ? records : resampleDayRecords(records, minutes as 15 | 5)
  const compiled = compileRuleSet(
    {
      key,
      baseline: { version: BASELINE_VERSION, module: '', parametersDir: '' },
      plugins: ordered.map(({ plugin }) => plugin.spec),
    },
    baselineStages,
    ordered.map(({ plugin }) => plugin.stages)
  )
  const inputs = buildDayInputs(day)
  const whole = { first: 1, last: inputs.periods }
  const reads = new Map<string, Set<string>>()
  const traced = (placed: PlacedStage[]) =>
    placed.map((p) => ({ ...p, stage: tracing(p.stage, reads) }))
  const periodRun = executeStages(traced(compiled.periodStages), inputs, whole, params)
  const dayRun = executeStages(traced(compiled.dayStages), inputs, whole, params, periodRun.frames)
  return {
    key,
    inputs,
    frames: dayRun.frames,
    params,
    order: [...compiled.periodStages, ...compiled.dayStages].map(
      ({ stage, origin }) => `${origin}:${stage.id}`
    ),
    reads,
    reports: new Map(
      [...periodRun.executions, ...dayRun.executions].map((e) => [e.stageId, e.report])
    ),
  }
}

/** The stage, recording every input field, frame and parameter its run touches. */
function tracing(stage: Stage, reads: Map<string, Set<string>>): Stage {
  return {
    ...stage,
    run(ctx) {
      const seen = new Set<string>()
      reads.set(stage.id, seen)
      const watch = <T extends object>(target: T, prefix: string) =>
        new Proxy(target, {
          get(object, name) {
            if (typeof name === 'string') seen.add(`${prefix}${name}`)
            return Reflect.get(object, name)
          },
        })
      return stage.run({
        range: ctx.range,
        inputs: watch(ctx.inputs, 'inputs.'),
        params: watch(ctx.params, 'param:'),
        frames: watch(ctx.frames, ''),
      })
    },
  }
}

/** Reads of `stage` that differ from what it declares (`reads` and `params`). */
export function undeclaredReads(run: RuleSetRun, stage: Stage): string[] {
  const seen = run.reads.get(stage.id) ?? new Set<string>()
  const declared = new Set([...stage.reads, ...stage.params.map((name) => `param:${name}`)])
  return [
    ...[...seen].filter((key) => !declared.has(key)).map((key) => `reads undeclared ${key}`),
    ...[...declared].filter((key) => !seen.has(key)).map((key) => `never reads ${key}`),
  ]
}

export function readFixture<T>(plugin: LoadedPlugin, name: string): T {
  return JSON.parse(readFileSync(new URL(`fixtures/${name}`, plugin.dir), 'utf8')) as T
}
