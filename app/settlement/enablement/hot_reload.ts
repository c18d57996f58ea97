import logger from '@adonisjs/core/services/logger'
import { buildCatalogue, type RulesCatalogue } from '#rules_runtime/plugin_catalogue'
import { watchFolders, type FolderWatch } from '#workers/rules_watcher'
import type { BaselineDescription } from '#workers/rule_tasks'
import { codeVersion } from '#settlement/actions/execute_run'
import type { SettlementRuntime } from '#settlement/runs/runtime'
import { describeOn, rememberCatalogue } from './rules_catalogue.js'

/**
 * Hot reload (issue 4 §4): new rule files take effect without a restart. A
 * new pool generation loads and validates them (the catalogue) and warms
 * every thread; only then do new runs go to it, while runs in flight finish
 * on the old generation, which then closes (its modules go with its threads).
 */
export interface RulesReload {
  generation: number
  /** from the first file change (or the call) to the new generation taking work */
  ms: number
  catalogue: RulesCatalogue
}

/** Loads the rule files as they are now into a new generation; null when it already runs them. */
export async function reloadRules(
  runtime: SettlementRuntime,
  startedAt = performance.now()
): Promise<RulesReload | null> {
  const tag = codeVersion(runtime)
  if (runtime.pool.runs(tag)) return null
  let catalogue: RulesCatalogue | undefined
  const generation = await runtime.pool.reloadWhenReady(tag, async (lease) => {
    const describe = { kind: 'describe_baseline', module: runtime.registry.baselineModule } as const
    const threads = Array.from({ length: runtime.pool.workers }, () =>
      lease.run<BaselineDescription>(describe)
    )
    const [built] = await Promise.all([
      buildCatalogue(runtime.registry, describeOn(lease)),
      ...threads,
    ])
    catalogue = built
  })
  rememberCatalogue(runtime, tag, Promise.resolve(catalogue!))
  return { generation, ms: performance.now() - startedAt, catalogue: catalogue! }
}

/**
 * Watches the rule folders of the runtime `current()` gives (undefined while
 * no pool runs: the first use loads the files as they are then) and reloads
 * after each burst of changes, logging what the new generation found wrong.
 */
export function watchRules(
  current: () => SettlementRuntime | undefined,
  options: { dirs: string[]; debounceMs?: number; onReload?: (reload: RulesReload) => void }
): FolderWatch {
  let queue = Promise.resolve()
  return watchFolders(
    options.dirs,
    (firstChangeAt) => {
      queue = queue.then(async () => {
        const runtime = current()
        if (!runtime) return
        try {
          const reload = await reloadRules(runtime, firstChangeAt)
          if (!reload) return
          const rejected = reload.catalogue.plugins.filter((plugin) => plugin.problems.length)
          logger.info(
            `rules: generation ${reload.generation} ready ${Math.round(reload.ms)} ms after the change`
          )
          for (const plugin of rejected)
            logger.warn(
              `rules: Modification "${plugin.id}" rejected: ${plugin.problems.join('; ')}`
            )
          options.onReload?.(reload)
        } catch (error) {
          logger.error({ err: error }, 'rules: reload failed; the current generation keeps running')
        }
      })
    },
    options.debounceMs
  )
}
