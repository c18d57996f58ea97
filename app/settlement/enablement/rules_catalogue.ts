import type { RuleRegistry } from '#rules_runtime/registry'
import {
  buildCatalogue,
  type DescribeModule,
  type RulesCatalogue,
} from '#rules_runtime/plugin_catalogue'
import type { PoolLease } from '#workers/pool'
import type { ModuleDescription } from '#workers/rule_tasks'
import { codeVersion } from '#settlement/actions/execute_run'
import { defaultRuntime, type SettlementRuntime } from '#settlement/runs/runtime'

/**
 * The validated catalogue of installed rules (plugin_catalogue.ts), built on
 * the pool — workers import the modules and report stage metadata — and kept
 * until the rule files change. The pool lease carries the same code tag as
 * runs, so a change of files also means a fresh pool generation here.
 */
const DESCRIBE_TIMEOUT_MS = 30_000

export function describeOn(lease: PoolLease): DescribeModule {
  return async (module, role) => {
    try {
      return await lease.run<ModuleDescription>(
        { kind: 'describe_module', module, role },
        { signal: AbortSignal.timeout(DESCRIBE_TIMEOUT_MS) }
      )
    } catch (error) {
      const timedOut =
        (error as Error).name === 'TimeoutError' || (error as Error).name === 'AbortError'
      return {
        ok: false,
        error: timedOut
          ? `it did not load within ${DESCRIBE_TIMEOUT_MS / 1000} s`
          : `its worker thread stopped: ${(error as Error).message}`,
      }
    }
  }
}

const cache = new WeakMap<RuleRegistry, { tag: string; catalogue: Promise<RulesCatalogue> }>()

export function rulesCatalogue(
  runtime: SettlementRuntime = defaultRuntime()
): Promise<RulesCatalogue> {
  const tag = codeVersion(runtime)
  const cached = cache.get(runtime.registry)
  if (cached?.tag === tag) return cached.catalogue
  const lease = runtime.pool.lease('production', tag)
  const catalogue = buildCatalogue(runtime.registry, describeOn(lease)).finally(() =>
    lease.release()
  )
  rememberCatalogue(runtime, tag, catalogue)
  return catalogue
}

/** Keeps a catalogue built elsewhere (a hot reload validates on the generation it warms). */
export function rememberCatalogue(
  runtime: SettlementRuntime,
  tag: string,
  catalogue: Promise<RulesCatalogue>
) {
  cache.set(runtime.registry, { tag, catalogue })
  catalogue.catch(() => {
    if (cache.get(runtime.registry)?.catalogue === catalogue) cache.delete(runtime.registry)
  })
}
