import { RuleRegistry } from '#rules_runtime/registry'
import type { RulePool } from '#workers/pool'
import { rulePool } from '#workers/rule_pool_service'
import type { BaselineDescription } from '#workers/rule_tasks'

/**
 * What a run needs from the rule runtime: the worker pool and the registry
 * that turns rule-set keys into specs. Tests pass their own registry (fixture
 * rules); the application uses the shared pool and the rules/ folder.
 */
export interface SettlementRuntime {
  pool: RulePool
  registry: RuleRegistry
}

let registry: RuleRegistry | undefined

export function defaultRuntime(): SettlementRuntime {
  registry ??= new RuleRegistry()
  return { pool: rulePool(), registry }
}

/**
 * `baseline@N` for the baseline installed now. The version lives in rule
 * code, which only workers may import, so a worker reads it.
 */
export async function defaultRuleSetKey(runtime: SettlementRuntime): Promise<string> {
  const lease = runtime.pool.lease('production')
  try {
    const { version } = await lease.run<BaselineDescription>({
      kind: 'describe_baseline',
      module: runtime.registry.baselineModule,
    })
    return `baseline@${version}`
  } finally {
    lease.release()
  }
}
