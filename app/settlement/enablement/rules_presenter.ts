import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { CataloguePlugin, RulesCatalogue } from '#rules_runtime/plugin_catalogue'
import type { RuleRegistry } from '#rules_runtime/registry'
import { enabledPeriods, type EnablementRecord } from './enablement_records.js'
import type { PluginTestRun } from './plugin_tests.js'

/**
 * What the admin pages and `rules:list` show of the catalogue: plain data,
 * one shape for the list and one for a plugin's page.
 */
export interface TestStatus {
  state: 'passed' | 'failed' | 'stale' | 'not_run'
  passed: number
  failed: number
  ranAt: string | null
  ranBy: string | null
}

export interface PluginSummary {
  id: string
  title: string
  version: number | null
  mode: 'production' | 'sandbox' | null
  overrides: string[]
  adds: { stage: string; before?: string; after?: string }[]
  /** the start of the open-ended enabled stretch, null when not enabled from any date on */
  enabledFrom: string | null
  enabledPeriods: { from: string; disabledFrom: string | null }[]
  problems: string[]
  test: TestStatus
}

function testStatus(
  plugin: CataloguePlugin,
  run: PluginTestRun | undefined,
  registry: RuleRegistry
): TestStatus {
  if (!run) return { state: 'not_run', passed: 0, failed: 0, ranAt: null, ranBy: null }
  const current = run.contentHash === registry.folderHash(plugin.dir)
  return {
    state: current ? run.status : 'stale',
    passed: run.passed,
    failed: run.failed,
    ranAt: run.ranAt,
    ranBy: run.ranBy,
  }
}

export function summarisePlugin(
  plugin: CataloguePlugin,
  records: EnablementRecord[],
  run: PluginTestRun | undefined,
  registry: RuleRegistry
): PluginSummary {
  const periods = enabledPeriods(records, plugin.id)
  const open = periods.at(-1)?.disabledFrom === null ? periods.at(-1) : undefined
  return {
    id: plugin.id,
    title: plugin.manifest?.title ?? plugin.id,
    version: plugin.manifest?.version ?? null,
    mode: plugin.manifest?.mode ?? null,
    overrides: plugin.manifest?.overrides ?? [],
    adds: plugin.manifest?.adds ?? [],
    enabledFrom: open?.from ?? null,
    enabledPeriods: periods,
    problems: plugin.problems,
    test: testStatus(plugin, run, registry),
  }
}

export function catalogueSummary(catalogue: RulesCatalogue) {
  return {
    baselineVersion: catalogue.baseline?.version ?? null,
    baselineProblems: catalogue.problems,
  }
}

/** A plugin's page: its summary with the manifest as written, README, stages, history, last test output. */
export function pluginDetail(
  plugin: CataloguePlugin,
  records: EnablementRecord[],
  run: PluginTestRun | undefined,
  registry: RuleRegistry
) {
  const manifest = plugin.manifest
  let manifestText = ''
  try {
    manifestText = readFileSync(join(plugin.dir, 'manifest.yaml'), 'utf8')
  } catch {
    manifestText = ''
  }
  return {
    ...summarisePlugin(plugin, records, run, registry),
    bscReferences: manifest?.bscReferences ?? [],
    requires: manifest?.requires ?? [],
    conflicts: manifest?.conflicts ?? [],
    precedence: manifest?.precedence ?? null,
    parameterChanges: manifest?.parameters ?? [],
    newParameters: plugin.newParameters.map(({ name, unit, reference }) => ({
      name,
      unit,
      reference,
    })),
    parallelRun: manifest?.parallelRun ?? null,
    stages: plugin.stages,
    manifestText,
    readme: plugin.readme,
    history: records.filter((record) => record.pluginId === plugin.id).sort((a, b) => b.id - a.id),
    testOutput: run?.output ?? null,
  }
}
