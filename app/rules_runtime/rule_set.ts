import type { DayInputs } from './frames.js'
import type { ParameterDelta } from './parameters.js'
import type { Stage } from './stage.js'

/**
 * Rule sets (ARCHITECTURE.md §4.4): the baseline stages plus zero or more
 * Modification plugins, named exactly by a key such as `baseline@1+p375@1`.
 *
 * A `RuleSetSpec` is plain data: the main thread builds it from manifests
 * (registry.ts) without importing rule code, and workers `import()` the
 * modules it names and compile it once per key. A plugin changes the rules
 * only through its spec — overriding stages by id, adding stages at a
 * position, changing parameters from a date — so baseline code never changes
 * for a Modification. This file is loaded by workers: erasable TypeScript and
 * relative `.js` imports only.
 */
export interface StageAddition {
  stageId: string
  /** place the stage just before / after this stage id (dependencies still decide the final order) */
  before?: string
  after?: string
}

export interface PluginSpec {
  id: string
  version: number
  /** file URL of an ES module exporting `stages: Stage[]` */
  module: string
  /** ids of stages (baseline or earlier plugins) this plugin's stage of the same id replaces */
  overrides: string[]
  adds: StageAddition[]
  /** dated parameter changes and new parameters, applied on the main thread (parameters.ts) */
  parameterDeltas: ParameterDelta[]
  /** decides which plugin's stage wins when two override the same stage (higher wins) */
  precedence?: number | null
}

export interface BaselineSpec {
  version: number
  /** file URL of an ES module exporting `BASELINE_VERSION` and `baselineStages: Stage[]` */
  module: string
  /** folder of the baseline's parameter YAML (read on the main thread) */
  parametersDir: string
}

export interface RuleSetSpec {
  key: string
  baseline: BaselineSpec
  /** applied in key order */
  plugins: PluginSpec[]
}

/** A stage's declared identity without its code: what ordering and validation need. */
export type StageShape = Omit<Stage, 'run'>

export interface PlacedStage<S extends StageShape = Stage> {
  stage: S
  /** 'baseline' or the plugin id that supplied the stage */
  origin: string
}

/** What the main thread may know about a stage (manifests, traces, validation): no code. */
export interface StageMeta extends StageShape {
  origin: string
}

export interface CompiledRuleSet<S extends StageShape = Stage> {
  key: string
  periodStages: PlacedStage<S>[]
  dayStages: PlacedStage<S>[]
}

export class RuleSetError extends Error {
  readonly key: string
  readonly problems: string[]

  constructor(key: string, problems: string[]) {
    super(`Rule set ${key} rejected: ${problems.join('; ')}`)
    this.name = 'RuleSetError'
    this.key = key
    this.problems = problems
  }
}

/** Every `inputs.<field>` a stage may read (kept equal to DayInputs' keys by the type below). */
export const INPUT_FIELDS = [
  'settlementDate',
  'periodMinutes',
  'periods',
  'dayStart',
  'parties',
  'accounts',
  'bmUnits',
  'meteredVolume',
  'meteredEstimated',
  'assetMeteredVolume',
  'assetMeteredSupplier',
  'absvd',
  'fpn',
  'bod',
  'acceptances',
  'disbsad',
  'netbsad',
  'marketIndex',
  'lolp',
  'demandControlVolume',
  'ecvn',
  'mvrn',
] as const satisfies readonly (keyof DayInputs)[]
type MissingInputField = Exclude<keyof DayInputs, (typeof INPUT_FIELDS)[number]>
const everyInputListed: [MissingInputField] extends [never] ? true : MissingInputField = true
void everyInputListed

const KEY_PART = /^([a-z0-9_]+)@([1-9]\d*)$/

export interface KeyPart {
  id: string
  version: number
}

/** `baseline@1+p375@2` → [{id: 'baseline', version: 1}, {id: 'p375', version: 2}] */
export function parseRuleSetKey(key: string): KeyPart[] {
  const parts = key.split('+').map((part) => KEY_PART.exec(part))
  if (parts.some((part) => !part) || parts[0]![1] !== 'baseline') {
    throw new RuleSetError(key, ['a key looks like baseline@1 or baseline@1+p375@1'])
  }
  const ids = parts.map((part) => part![1])
  if (new Set(ids).size !== ids.length) throw new RuleSetError(key, ['a plugin appears twice'])
  return parts.map((part) => ({ id: part![1], version: Number(part![2]) }))
}

/** The inverse of parseRuleSetKey: `baseline@1+p375@2`. */
export function formatRuleSetKey(baselineVersion: number, plugins: KeyPart[]): string {
  return [`baseline@${baselineVersion}`, ...plugins.map((p) => `${p.id}@${p.version}`)].join('+')
}

export function stageMeta({ stage, origin }: PlacedStage<StageShape>): StageMeta {
  const { id, title, reference, scope, reads, writes, params } = stage
  return { id, title, reference, scope, reads, writes, params, origin }
}

/** Which of two plugins overriding one stage wins: the higher declared precedence, else none. */
function precedenceWinner(first: PluginSpec, second: PluginSpec): PluginSpec | null {
  const a = first.precedence
  const b = second.precedence
  if (typeof a !== 'number' || typeof b !== 'number' || a === b) return null
  return a > b ? first : second
}

/** Baseline stages with each plugin's overrides and additions applied, in declared order. */
function assemble<S extends StageShape>(
  spec: RuleSetSpec,
  baseline: S[],
  plugins: S[][],
  problems: string[]
) {
  const placed: PlacedStage<S>[] = baseline.map((stage) => ({ stage, origin: 'baseline' }))
  const anchors: { stageId: string; before?: string; after?: string }[] = []
  const overriddenBy = new Map<string, PluginSpec>()
  const ids = () => new Set(placed.map(({ stage }) => stage.id))
  if (ids().size !== placed.length) problems.push('the baseline declares a stage id twice')

  spec.plugins.forEach((plugin, index) => {
    const exported = new Map(plugins[index].map((stage) => [stage.id, stage]))
    const used = new Set<string>()
    for (const stageId of plugin.overrides) {
      const at = placed.findIndex(({ stage }) => stage.id === stageId)
      const replacement = exported.get(stageId)
      if (at < 0) problems.push(`${plugin.id} overrides unknown stage "${stageId}"`)
      else if (!replacement)
        problems.push(`${plugin.id} overrides "${stageId}" but its module exports no such stage`)
      else if (overriddenBy.has(stageId)) {
        const other = overriddenBy.get(stageId)!
        const winner = precedenceWinner(other, plugin)
        if (!winner) {
          problems.push(
            `stage "${stageId}" is overridden by both ${other.id} and ${plugin.id} without precedence (declare different precedence values)`
          )
        } else if (winner === plugin) {
          placed[at] = { stage: replacement, origin: plugin.id }
          overriddenBy.set(stageId, plugin)
        }
      } else {
        placed[at] = { stage: replacement, origin: plugin.id }
        overriddenBy.set(stageId, plugin)
      }
      used.add(stageId)
    }
    for (const addition of plugin.adds) {
      const stage = exported.get(addition.stageId)
      const anchor = addition.before ?? addition.after
      const at = placed.findIndex((p) => p.stage.id === anchor)
      if (!stage)
        problems.push(
          `${plugin.id} adds "${addition.stageId}" but its module exports no such stage`
        )
      else if (ids().has(stage.id))
        problems.push(`${plugin.id} adds "${stage.id}", which already exists`)
      else if (!anchor || (addition.before && addition.after) || at < 0) {
        problems.push(
          `${plugin.id} adds "${addition.stageId}" at an unknown position (before/after an existing stage)`
        )
      } else if (placed[at].stage.scope !== stage.scope) {
        problems.push(
          `${plugin.id} places ${stage.scope} stage "${stage.id}" next to ${placed[at].stage.scope} stage "${anchor}"`
        )
      } else {
        placed.splice(addition.before ? at : at + 1, 0, { stage, origin: plugin.id })
        anchors.push(addition)
      }
      used.add(addition.stageId)
    }
    for (const stageId of exported.keys()) {
      if (!used.has(stageId))
        problems.push(`${plugin.id} exports stage "${stageId}" that it neither overrides nor adds`)
    }
  })
  return { placed, anchors }
}

/**
 * Orders stages by what they read and write (stable: declared order breaks
 * ties) and rejects anything that cannot run: unknown reads, a frame written
 * twice, a cycle, or a period stage reading a day stage's output.
 */
export function compileRuleSet<S extends StageShape>(
  spec: RuleSetSpec,
  baseline: S[],
  plugins: S[][]
): CompiledRuleSet<S> {
  const problems: string[] = []
  const { placed, anchors } = assemble(spec, baseline, plugins, problems)
  const writer = new Map<string, PlacedStage<S>>()
  for (const entry of placed) {
    for (const frame of entry.stage.writes) {
      const other = writer.get(frame)
      if (other)
        problems.push(
          `frame "${frame}" is written by both "${other.stage.id}" and "${entry.stage.id}"`
        )
      writer.set(frame, entry)
    }
  }
  const inputs = new Set<string>(INPUT_FIELDS.map((field) => `inputs.${field}`))
  const dependsOn = new Map<string, Set<string>>(placed.map(({ stage }) => [stage.id, new Set()]))
  for (const { stage, origin } of placed) {
    for (const read of stage.reads) {
      if (inputs.has(read)) continue
      const source = writer.get(read)
      if (!source) {
        problems.push(
          `stage "${stage.id}" (${origin}) reads "${read}", which no stage writes and is not an input`
        )
      } else if (stage.scope === 'period' && source.stage.scope === 'day') {
        problems.push(
          `period stage "${stage.id}" reads "${read}", written by day stage "${source.stage.id}"`
        )
      } else {
        dependsOn.get(stage.id)!.add(source.stage.id)
      }
    }
  }
  for (const { stageId, before, after } of anchors) {
    if (before) dependsOn.get(before)?.add(stageId)
    if (after) dependsOn.get(stageId)?.add(after)
  }
  if (problems.length) throw new RuleSetError(spec.key, problems)

  const ordered = topologicalOrder(spec.key, placed, dependsOn)
  return {
    key: spec.key,
    periodStages: ordered.filter(({ stage }) => stage.scope === 'period'),
    dayStages: ordered.filter(({ stage }) => stage.scope === 'day'),
  }
}

function topologicalOrder<S extends StageShape>(
  key: string,
  placed: PlacedStage<S>[],
  dependsOn: Map<string, Set<string>>
): PlacedStage<S>[] {
  const done = new Set<string>()
  const ordered: PlacedStage<S>[] = []
  while (ordered.length < placed.length) {
    const next = placed.find(
      ({ stage }) =>
        !done.has(stage.id) && [...dependsOn.get(stage.id)!].every((id) => done.has(id))
    )
    if (!next) {
      const stuck = placed.filter(({ stage }) => !done.has(stage.id)).map(({ stage }) => stage.id)
      throw new RuleSetError(key, [`stages depend on each other in a cycle: ${stuck.join(', ')}`])
    }
    done.add(next.stage.id)
    ordered.push(next)
  }
  return ordered
}
