import { spawn } from 'node:child_process'
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import app from '@adonisjs/core/services/app'
import { RuleRegistry } from '#rules_runtime/registry'
import { RulesRuntimeProvider } from '#settlement/enablement/rules_runtime_provider'
import type { SettlementRuntime } from '#settlement/runs/runtime'
import { rulePool } from '#workers/rule_pool_service'

/**
 * Shared by the enablement tests: runtimes on the plugin corpus
 * (tests/fixtures/rules_corpus, written against the real baseline), the
 * admin pages pointed at one, a scratch plugin folder, `node ace` in a child.
 */
export const ROOT = fileURLToPath(new URL('../../../../../', import.meta.url))
export const CORPUS = join(ROOT, 'tests/fixtures/rules_corpus')
export const GOOD = join(CORPUS, 'good')
export const BAD = join(CORPUS, 'bad')

export function runtimeOn(...modificationDirs: string[]): SettlementRuntime {
  return { pool: rulePool(), registry: new RuleRegistry({ modificationDirs }) }
}

/** Points the admin pages at `runtime` until the returned function is called. */
export function useRuntime(runtime: SettlementRuntime): () => void {
  app.container.swap(RulesRuntimeProvider, () => ({ runtime: () => runtime }))
  return () => app.container.restore(RulesRuntimeProvider)
}

/**
 * A scratch folder of plugins holding copies of the named corpus plugins. It
 * sits as deep in the project as the corpus (tmp/rules-scratch/<random>/plugins),
 * so the plugins' relative imports of app/ and rules/ still resolve.
 */
export function scratchPlugins(...ids: string[]): { dir: string; remove(): void } {
  const parent = join(ROOT, 'tmp', 'rules-scratch')
  mkdirSync(parent, { recursive: true })
  const scratch = mkdtempSync(join(parent, 'run-'))
  const dir = join(scratch, 'plugins')
  mkdirSync(dir)
  for (const id of ids) cpSync(join(GOOD, id), join(dir, id), { recursive: true })
  return { dir, remove: () => rmSync(scratch, { recursive: true, force: true }) }
}

/** `node ace …` in a child process against the test database. */
export function ace(
  args: string[],
  env: Record<string, string | undefined> = {}
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['ace', ...args], {
      cwd: ROOT,
      env: { ...process.env, ...env, NO_COLOR: '1' },
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk) => (stdout += chunk))
    child.stderr.on('data', (chunk) => (stderr += chunk))
    child.on('error', reject)
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }))
  })
}
