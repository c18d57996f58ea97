import type { ParameterCatalogue } from './parameters.js'
import type { InstalledPlugin } from './plugin_folder.js'
import { canonicalOrder, requiresClosure, setProblems, type ValidPlugin } from './plugin_set.js'
import { keyOf, pluginSpec, type RuleRegistry } from './registry.js'
import { compileRuleSet, RuleSetError, type StageMeta, type StageShape } from './rule_set.js'

/**
 * Everything installed, validated up front and all or nothing per plugin:
 * folder and manifest (plugin_folder.ts), the module's exports, and the rule
 * set each plugin forms with the baseline and what it requires — unknown
 * stage ids, dangling reads, cycles, precedence. Stage metadata comes from
 * a worker (`describe`): the main thread never imports rule code.
 */
export type ModuleDescription =
  { ok: true; version: number | null; stages: StageShape[] } | { ok: false; error: string }

export type DescribeModule = (
  module: string,
  role: 'baseline' | 'plugin'
) => Promise<ModuleDescription>

export interface CataloguePlugin extends InstalledPlugin {
  /** the stages its module exports (empty when it cannot be loaded) */
  stages: StageMeta[]
}

export interface RulesCatalogue {
  baseline: { version: number; stages: StageMeta[]; parameters: ParameterCatalogue } | null
  /** why the baseline cannot be used (empty when it can) */
  problems: string[]
  plugins: CataloguePlugin[]
}

const withOrigin = (stages: StageShape[], origin: string): StageMeta[] =>
  stages.map((stage) => ({ ...stage, origin }))

export async function buildCatalogue(
  registry: RuleRegistry,
  describe: DescribeModule
): Promise<RulesCatalogue> {
  const catalogue: RulesCatalogue = { baseline: null, problems: [], plugins: [] }
  const baseline = await describe(registry.baselineModule, 'baseline')
  if (baseline.ok) {
    try {
      catalogue.baseline = {
        version: baseline.version!,
        stages: withOrigin(baseline.stages, 'baseline'),
        parameters: registry.baselineParameters(),
      }
    } catch (error) {
      catalogue.problems.push(`baseline parameters: ${(error as Error).message}`)
    }
  } else {
    catalogue.problems.push(`the baseline cannot be loaded: ${baseline.error}`)
  }
  catalogue.plugins = await Promise.all(
    registry.plugins().map(async (plugin): Promise<CataloguePlugin> => {
      const entry: CataloguePlugin = { ...plugin, problems: [...plugin.problems], stages: [] }
      if (!plugin.manifest) return entry
      const described = await describe(pluginSpec(plugin as ValidPlugin).module, 'plugin')
      if (described.ok) entry.stages = withOrigin(described.stages, plugin.id)
      else entry.problems.push(`index.ts cannot be loaded: ${described.error}`)
      return entry
    })
  )
  // Each plugin with everything it requires must form a valid rule set; checked
  // against the folder-level results of all, then recorded, so the order is irrelevant.
  const byId = new Map(catalogue.plugins.map((p) => [p.id, p]))
  const ruleSetChecks = catalogue.plugins.map((plugin) => {
    if (plugin.problems.length || !plugin.manifest) return []
    const closure = requiresClosure(plugin.id, byId)
    if (closure.problems.length) return closure.problems
    return ruleSetProblems(catalogue, closure.ids, {
      production: plugin.manifest.mode === 'production',
    })
  })
  catalogue.plugins.forEach((plugin, index) => {
    const own = `${plugin.id}: `
    plugin.problems.push(
      ...ruleSetChecks[index].map((p) => (p.startsWith(own) ? p.slice(own.length) : p))
    )
  })
  return catalogue
}

/**
 * Why these plugins cannot run together on the baseline (empty when they
 * can): every plugin valid, the set rules of plugin_set.ts, then the stage
 * graph compiled from metadata exactly as workers compile the code.
 */
export function ruleSetProblems(
  catalogue: RulesCatalogue,
  pluginIds: string[],
  options: { production: boolean }
): string[] {
  if (!catalogue.baseline) return catalogue.problems
  const byId = new Map(catalogue.plugins.map((p) => [p.id, p]))
  const missing = pluginIds.filter((id) => !byId.has(id))
  if (missing.length) return missing.map((id) => `no Modification "${id}" is installed`)
  const plugins = pluginIds.map((id) => byId.get(id)!)
  const problems = setProblems(plugins, catalogue.baseline.parameters, options)
  if (problems.length) return problems
  const ordered = canonicalOrder(plugins as (CataloguePlugin & ValidPlugin)[])
  const spec = {
    key: keyOf(catalogue.baseline.version, ordered),
    baseline: { version: catalogue.baseline.version, module: '', parametersDir: '' },
    plugins: ordered.map((plugin) => pluginSpec(plugin)),
  }
  try {
    compileRuleSet(
      spec,
      catalogue.baseline.stages,
      ordered.map((plugin) => plugin.stages)
    )
    return []
  } catch (error) {
    if (error instanceof RuleSetError) return error.problems
    throw error
  }
}

/** The key of the baseline with these (valid, compatible) plugins. */
export function catalogueKey(catalogue: RulesCatalogue, pluginIds: string[]): string {
  const byId = new Map(catalogue.plugins.map((p) => [p.id, p]))
  return keyOf(
    catalogue.baseline!.version,
    pluginIds.map((id) => byId.get(id) as CataloguePlugin & ValidPlugin)
  )
}
