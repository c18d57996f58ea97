import type { PluginManifest } from './manifest.js'
import {
  applyParameterDeltas,
  ParameterError,
  type ParameterCatalogue,
  type ParameterDelta,
} from './parameters.js'
import type { InstalledPlugin } from './plugin_folder.js'

/**
 * Rules about a set of plugins applied together, checked on manifests alone
 * (no rule code): requires, conflicts, sandbox-only plugins in production,
 * parameter changes, and the one deterministic order a set is applied in.
 * Stage-level checks (unknown stage, dangling read, cycle, two overrides of a
 * stage without precedence) need stage metadata: see compileRuleSet.
 */
export type ValidPlugin = InstalledPlugin & { manifest: PluginManifest }

const byPrecedenceThenId = (a: PluginManifest, b: PluginManifest) =>
  (a.precedence ?? -Infinity) - (b.precedence ?? -Infinity) ||
  (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)

/**
 * Required plugins first; otherwise lower precedence first (a higher one then
 * wins a same-date parameter change), then by id. Throws on a requires cycle.
 */
export function canonicalOrder<P extends { manifest: PluginManifest }>(plugins: P[]): P[] {
  const pending = [...plugins].sort((a, b) => byPrecedenceThenId(a.manifest, b.manifest))
  const inSet = new Set(plugins.map((p) => p.manifest.id))
  const ordered: P[] = []
  while (pending.length) {
    const next = pending.findIndex((p) =>
      p.manifest.requires.every((id) => !inSet.has(id) || ordered.some((o) => o.manifest.id === id))
    )
    if (next < 0) {
      throw new Error(
        `plugins require each other in a cycle: ${pending.map((p) => p.manifest.id).join(', ')}`
      )
    }
    ordered.push(...pending.splice(next, 1))
  }
  return ordered
}

/** The plugin and everything it requires, transitively; problems name what is missing. */
export function requiresClosure(
  id: string,
  installed: Map<string, InstalledPlugin>
): { ids: string[]; problems: string[] } {
  const ids: string[] = []
  const problems: string[] = []
  const visit = (current: string, requiredBy: string | null) => {
    if (ids.includes(current)) return
    const plugin = installed.get(current)
    if (!plugin) {
      problems.push(`${requiredBy} requires "${current}", which is not installed`)
      return
    }
    ids.push(current)
    for (const required of plugin.manifest?.requires ?? []) visit(required, current)
  }
  visit(id, null)
  return { ids, problems }
}

/** Everything that forbids applying these plugins together (empty when they may be). */
export function setProblems(
  plugins: InstalledPlugin[],
  baseline: ParameterCatalogue,
  options: { production: boolean }
): string[] {
  const problems: string[] = []
  for (const plugin of plugins) {
    for (const problem of plugin.problems) problems.push(`${plugin.id}: ${problem}`)
  }
  if (problems.length) return problems
  const valid = plugins as ValidPlugin[]
  const ids = new Set(valid.map((p) => p.id))
  for (const { manifest } of valid) {
    for (const required of manifest.requires)
      if (!ids.has(required))
        problems.push(`${manifest.id} requires ${required}, which is not enabled with it`)
    for (const other of manifest.conflicts)
      if (ids.has(other)) problems.push(`${manifest.id} conflicts with ${other}`)
    if (options.production && manifest.mode === 'sandbox')
      problems.push(`${manifest.id} is sandbox-only: it can never be in a production rule set`)
  }
  let ordered: ValidPlugin[]
  try {
    ordered = canonicalOrder(valid)
  } catch (error) {
    return [...problems, (error as Error).message]
  }
  problems.push(...parameterProblems(ordered, baseline))
  return problems
}

/** A plugin's new parameters and dated changes as deltas (new ones carry unit and reference). */
export function parameterDeltas(plugin: ValidPlugin): ParameterDelta[] {
  const created = plugin.newParameters.map((definition) => ({
    name: definition.name,
    unit: definition.unit,
    reference: definition.reference,
    description: definition.description,
    ...(definition.allowed ? { allowed: definition.allowed } : {}),
    values: Object.fromEntries(definition.steps.map((step) => [step.effectiveFrom, step.value])),
    source: `${plugin.id}/parameters/${definition.steps[0].source}`,
  }))
  const changed = plugin.manifest.parameters.map((change) => ({
    ...change,
    source: `${plugin.id}/manifest.yaml`,
  }))
  return [...created, ...changed]
}

/**
 * Applies every plugin's parameters in order over the baseline catalogue:
 * new parameters must be new, changes must name an existing parameter with
 * real dates and values of its type, and when two plugins set one parameter
 * on one date, the later (higher-precedence) one must declare the precedence.
 */
function parameterProblems(ordered: ValidPlugin[], baseline: ParameterCatalogue): string[] {
  const problems: string[] = []
  let catalogue = baseline
  const setBy = new Map<string, { plugin: ValidPlugin; value: unknown }>()
  for (const plugin of ordered) {
    for (const definition of plugin.newParameters) {
      if (catalogue.parameters[definition.name])
        problems.push(
          `${plugin.id}: parameters/${definition.name}.yaml defines a parameter that already exists`
        )
    }
    for (const [index, delta] of parameterDeltas(plugin).entries()) {
      const isNew = index < plugin.newParameters.length
      if (!isNew && !catalogue.parameters[delta.name]) {
        problems.push(
          `${plugin.id}: parameter "${delta.name}" does not exist (new parameters go in parameters/*.yaml)`
        )
        continue
      }
      try {
        catalogue = applyParameterDeltas(catalogue, [delta])
      } catch (error) {
        if (!(error instanceof ParameterError)) throw error
        problems.push(`${plugin.id}: parameter ${error.message}`)
        continue
      }
      for (const [date, value] of Object.entries(delta.values)) {
        const earlier = setBy.get(`${delta.name}@${date}`)
        const outranks =
          (plugin.manifest.precedence ?? -Infinity) >
          (earlier?.plugin.manifest.precedence ?? Infinity)
        if (earlier && earlier.value !== value && !outranks)
          problems.push(
            `${earlier.plugin.id} and ${plugin.id} both change ${delta.name} from ${date} without precedence (declare different precedence values)`
          )
        setBy.set(`${delta.name}@${date}`, { plugin, value })
      }
    }
  }
  return problems
}
