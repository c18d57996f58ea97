import { existsSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { test } from '@japa/runner'

/**
 * The HTTP process never imports rule code (ARCHITECTURE.md §1): every module
 * the server can load — statically or through a lazy `import('…')` of a
 * controller — is reachable from bin/server.ts and adonisrc.ts by literal
 * specifiers. None of them may be under rules/, and none may import a
 * computed specifier (which could name rule code at run time). Type-only
 * imports are erased and do not count. Only workers import rules.
 */
const ROOT = fileURLToPath(new URL('../../../', import.meta.url))
const IMPORTS: Record<string, string> = JSON.parse(
  readFileSync(join(ROOT, 'package.json'), 'utf8')
).imports

/** The Ignitor's importer: it loads what adonisrc.ts names, and adonisrc.ts is scanned itself. */
const FRAMEWORK_IMPORTER = 'bin/app_root.ts'

const STATIC = /(?:^|[\n;])\s*(?:import|export)\s+(type\s+)?(?:[^'";]*?\sfrom\s*)?['"]([^'"]+)['"]/g
const DYNAMIC = /\bimport\s*\(\s*(['"`]?)([^'"`)]*)\1?\s*[,)]/g

function toTypeScript(path: string): string | null {
  for (const candidate of [path.replace(/\.js$/, '.ts'), path, `${path}.ts`]) {
    if (candidate.endsWith('.ts') && existsSync(candidate)) return candidate
  }
  return null
}

function resolveSpecifier(specifier: string, from: string): string | null {
  if (specifier.startsWith('.')) return toTypeScript(resolve(dirname(from), specifier))
  if (!specifier.startsWith('#')) return null // a package or node: builtin
  for (const [pattern, target] of Object.entries(IMPORTS)) {
    const prefix = pattern.replace('*', '')
    if (specifier.startsWith(prefix))
      return toTypeScript(join(ROOT, target.replace('*', specifier.slice(prefix.length))))
  }
  return null
}

function reachableModules() {
  const seen = new Set<string>()
  const computed: string[] = []
  const pending = ['bin/server.ts', 'adonisrc.ts'].map((file) => join(ROOT, file))
  while (pending.length) {
    const file = pending.pop()!
    if (seen.has(file)) continue
    seen.add(file)
    const source = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, '')
    const specifiers: string[] = []
    for (const [, typeOnly, specifier] of source.matchAll(STATIC))
      if (!typeOnly) specifiers.push(specifier)
    for (const [, quote, specifier] of source.matchAll(DYNAMIC)) {
      if (quote && quote !== '`') specifiers.push(specifier)
      else if (relative(ROOT, file) !== FRAMEWORK_IMPORTER)
        computed.push(`${relative(ROOT, file)}: import(${specifier})`)
    }
    for (const specifier of specifiers) {
      const target = resolveSpecifier(specifier, file)
      if (target) pending.push(target)
    }
  }
  return { modules: [...seen].map((file) => relative(ROOT, file)).sort(), computed }
}

test.group('HTTP process and rule code', () => {
  test('nothing the server can load is under rules/ or imports a computed specifier', ({
    assert,
  }) => {
    const { modules, computed } = reachableModules()
    // The scan really follows the server: routes, lazy controllers, the pool's main-thread side.
    assert.includeMembers(modules, [
      'start/routes.ts',
      'app/settlement/enablement/rules_controller.ts',
      'app/settlement/actions/create_run.ts',
      'app/workers/pool.ts',
      'app/rules_runtime/registry.ts',
    ])
    assert.deepEqual(
      modules.filter((file) => file.startsWith('rules/')),
      [],
      'rule code reachable from the HTTP process'
    )
    assert.notInclude(modules, 'app/workers/rule_worker.ts')
    assert.notInclude(modules, 'app/workers/plugin_test_runner.ts')
    assert.deepEqual(computed, [])
  })
})
