import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import db from '@adonisjs/lucid/services/db'
import type { RuleRegistry } from '#rules_runtime/registry'
import { typeScriptLoaderArgs } from '#workers/pool'
import type { PluginTestReport } from '#workers/plugin_test_runner'

/**
 * Runs a plugin's tests and fixtures in a child process (they import rule
 * code, which the HTTP process never does) and keeps the last result per
 * plugin, with a hash of the files tested so a later change shows it stale.
 */
export interface PluginTestRun {
  pluginId: string
  pluginVersion: number
  contentHash: string
  status: 'passed' | 'failed'
  passed: number
  failed: number
  output: string
  durationMs: number
  ranBy: string
  ranAt: string
}

const RUNNER = fileURLToPath(new URL('../../workers/plugin_test_runner.js', import.meta.url))
const RESULT_MARKER = 'PLUGIN_TEST_RESULT '
const TIMEOUT_MS = 5 * 60_000
/** the stored output keeps its end, where the failures and the summary are */
const MAX_OUTPUT = 20_000
const running = new Map<string, Promise<PluginTestRun>>()

/** Runs the tests of an installed plugin; a second request while one runs shares it. */
export function runPluginTests(
  registry: RuleRegistry,
  pluginId: string,
  ranBy: string
): Promise<PluginTestRun> {
  const key = `${registry.modificationDirs.join(':')}/${pluginId}`
  let pending = running.get(key)
  if (!pending) {
    pending = execute(registry, pluginId, ranBy).finally(() => running.delete(key))
    running.set(key, pending)
  }
  return pending
}

async function execute(registry: RuleRegistry, pluginId: string, ranBy: string) {
  const plugin = registry.plugin(pluginId)
  if (!plugin?.manifest) throw new Error(`no valid Modification "${pluginId}" is installed`)
  const contentHash = registry.folderHash(plugin.dir)
  const started = performance.now()
  const request = {
    pluginId,
    rulesRoot: registry.rulesRoot,
    modificationDirs: registry.modificationDirs,
  }
  const { code, output } = await runChild([
    ...typeScriptLoaderArgs(),
    RUNNER,
    JSON.stringify(request),
  ])
  const markerAt = output.lastIndexOf(RESULT_MARKER)
  const report: PluginTestReport | null =
    markerAt >= 0 ? JSON.parse(output.slice(markerAt + RESULT_MARKER.length).split('\n')[0]) : null
  const fixtureCount = report?.fixtures.checked.length ?? 0
  const fixtureFailures = report?.fixtures.problems.length ?? 0
  const result: PluginTestRun = {
    pluginId,
    pluginVersion: plugin.manifest.version,
    contentHash,
    status: code === 0 && report ? 'passed' : 'failed',
    passed: (report?.specs.passed ?? 0) + (fixtureFailures ? 0 : fixtureCount),
    failed: (report?.specs.failed ?? 0) + fixtureFailures + (report ? 0 : 1),
    output: (markerAt >= 0 ? output.slice(0, markerAt) : output).slice(-MAX_OUTPUT),
    durationMs: performance.now() - started,
    ranBy,
    ranAt: new Date().toISOString(),
  }
  await db.transaction(async (trx) => {
    await trx.from('settlement_rule_test_runs').where('plugin_id', pluginId).delete()
    await trx
      .insertQuery()
      .table('settlement_rule_test_runs')
      .insert({
        plugin_id: pluginId,
        plugin_version: result.pluginVersion,
        content_hash: contentHash,
        status: result.status,
        passed: result.passed,
        failed: result.failed,
        output: result.output,
        duration_ms: result.durationMs,
        ran_by: ranBy.slice(0, 254),
        ran_at: result.ranAt,
      })
  })
  return result
}

function runChild(args: string[]): Promise<{ code: number; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
      timeout: TIMEOUT_MS,
    })
    let output = ''
    child.stdout.on('data', (chunk) => (output += chunk))
    child.stderr.on('data', (chunk) => (output += chunk))
    child.on('error', reject)
    child.on('close', (code, signal) =>
      resolve({ code: code ?? -1, output: signal ? `${output}\nstopped by ${signal}` : output })
    )
  })
}

/** The last test result of every plugin, by id. */
export async function lastTestRuns(): Promise<Map<string, PluginTestRun>> {
  const rows = await db.from('settlement_rule_test_runs').orderBy('id')
  return new Map(
    rows.map((row: any) => [
      row.plugin_id,
      {
        pluginId: row.plugin_id,
        pluginVersion: Number(row.plugin_version),
        contentHash: row.content_hash,
        status: row.status,
        passed: Number(row.passed),
        failed: Number(row.failed),
        output: row.output,
        durationMs: Number(row.duration_ms),
        ranBy: row.ran_by,
        ranAt: row.ran_at,
      },
    ])
  )
}
