/**
 * Child-process entry that tests one Modification plugin (`rules:test`, the
 * admin page's "Run tests"): its `tests/**\/*.spec.ts` through Japa, then its
 * fixtures — `fixtures/input.json` run through the baseline and through the
 * baseline with the plugin (and what it requires), compared with
 * `expected_baseline.json` / `expected_modified.json` within the manifest's
 * tolerances. It imports rule code, so it never runs inside the HTTP process.
 *
 *   node --import=@poppinss/ts-exec app/workers/plugin_test_runner.ts '{"pluginId":…}'
 *
 * Ends with one line `PLUGIN_TEST_RESULT {json}` on stdout (see PluginTestReport).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { assert } from '@japa/assert'
import { configure, run } from '@japa/runner'
import { BaseReporter } from '@japa/runner/core'
import { spec as specReporter } from '@japa/runner/reporters'
import { buildDayInputs } from '../rules_runtime/build_day_inputs.js'
import type { DayRecords } from '../rules_runtime/day_records.js'
import { executeStages } from '../rules_runtime/execute.js'
import { compareOutputs, type ExpectedOutputs } from '../rules_runtime/fixture_outputs.js'
import { requiresClosure } from '../rules_runtime/plugin_set.js'
import { RuleRegistry, type RegistryOptions } from '../rules_runtime/registry.js'
import { atRuleSetPeriodLength } from '../rules_runtime/period_length.js'
import { compileRuleSet, formatRuleSetKey, type RuleSetSpec } from '../rules_runtime/rule_set.js'
import type { Stage } from '../rules_runtime/stage.js'
import { parametersFor } from '../settlement/runs/run_parameters.js'

export const RESULT_MARKER = 'PLUGIN_TEST_RESULT'

export interface PluginTestReport {
  specs: { files: number; passed: number; failed: number }
  fixtures: { checked: string[]; problems: string[] }
}

class CountingReporter extends BaseReporter {
  static summary: { passed: number; failed: number } = { passed: 0, failed: 0 }
  protected async end() {
    const { aggregates } = this.runner!.getSummary()
    CountingReporter.summary = { passed: aggregates.passed, failed: aggregates.failed }
  }
}

function specFiles(dir: string): string[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) =>
    f.endsWith('.spec.ts')
  )
}

async function runSpecs(pluginDir: string): Promise<PluginTestReport['specs']> {
  const files = specFiles(join(pluginDir, 'tests'))
  if (!files.length) return { files: 0, passed: 0, failed: 0 }
  configure({
    cwd: pluginDir,
    files: files.map((file) => `tests/${file}`),
    plugins: [assert()],
    reporters: {
      activated: ['spec', 'count'],
      list: [
        specReporter(),
        { name: 'count', handler: (...args) => new CountingReporter().boot(...args) },
      ],
    },
    timeout: 60_000,
  })
  await run()
  return { files: files.length, ...CountingReporter.summary }
}

async function runRuleSet(spec: RuleSetSpec, records: DayRecords) {
  const baseline = await import(spec.baseline.module)
  const plugins = await Promise.all(spec.plugins.map((p) => import(p.module)))
  const compiled = compileRuleSet(
    spec,
    baseline.baselineStages as Stage[],
    plugins.map((p) => p.stages as Stage[])
  )
  const params = parametersFor(spec, records.settlementDate).values
  const inputs = buildDayInputs(atRuleSetPeriodLength(records, params))
  const whole = { first: 1, last: inputs.periods }
  const periods = executeStages(compiled.periodStages, inputs, whole, params)
  const days = executeStages(compiled.dayStages, inputs, whole, params, periods.frames)
  return { inputs, frames: days.frames }
}

async function checkFixtures(
  registry: RuleRegistry,
  pluginId: string
): Promise<PluginTestReport['fixtures']> {
  const plugin = registry.plugin(pluginId)!
  const dir = join(plugin.dir, 'fixtures')
  if (!existsSync(dir) || !plugin.manifest) return { checked: [], problems: [] }
  const read = (name: string) => JSON.parse(readFileSync(join(dir, name), 'utf8'))
  const records = read('input.json') as DayRecords
  const installed = new Map(registry.plugins().map((p) => [p.id, p]))
  const closure = requiresClosure(pluginId, installed)
  const baseline = await import(registry.baselineModule)
  const version = baseline.BASELINE_VERSION as number
  const keys = {
    'expected_baseline.json': formatRuleSetKey(version, []),
    'expected_modified.json': registry.keyFor(version, closure.ids),
  }
  const problems: string[] = []
  for (const [file, key] of Object.entries(keys)) {
    const expected = read(file) as ExpectedOutputs
    if (expected.ruleSet !== key)
      problems.push(`${file} was made by ${expected.ruleSet}, not ${key}`)
    const result = await runRuleSet(registry.spec(key), records)
    const tolerances = plugin.manifest.parallelRun.tolerances
    problems.push(
      ...compareOutputs(result.frames, result.inputs, expected.outputs ?? {}, tolerances).map(
        (problem) => `${file}: ${problem}`
      )
    )
  }
  return { checked: Object.keys(keys), problems }
}

const request = JSON.parse(process.argv[2] ?? '{}') as RegistryOptions & { pluginId: string }
const registry = new RuleRegistry(request)
const plugin = registry.plugin(request.pluginId)
if (!plugin) {
  console.error(`no Modification "${request.pluginId}" is installed`)
  process.exit(2)
}
const report: PluginTestReport = {
  specs: await runSpecs(plugin.dir),
  fixtures: { checked: [], problems: [] },
}
try {
  report.fixtures = await checkFixtures(registry, plugin.id)
} catch (error) {
  report.fixtures.problems.push(`the fixtures could not run: ${(error as Error).message}`)
}
if (!report.specs.files && !report.fixtures.checked.length && !report.fixtures.problems.length)
  report.fixtures.problems.push('nothing to test: no tests/*.spec.ts and no fixtures/')
for (const problem of report.fixtures.problems) console.log(`✖ fixture ${problem}`)
console.log(`${RESULT_MARKER} ${JSON.stringify(report)}`)
process.exit(report.specs.failed || report.fixtures.problems.length ? 1 : 0)
