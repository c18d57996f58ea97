import { catalogueKey, ruleSetProblems } from '#rules_runtime/plugin_catalogue'
import { RuleSetError } from '#rules_runtime/rule_set'
import type { SettlementRuntime } from '#settlement/runs/runtime'
import { enabledOn, enablementRecords } from './enablement_records.js'
import { rulesCatalogue } from './rules_catalogue.js'

/**
 * The rule set of a run with no explicit key (issue 4 §3): the installed
 * baseline with the plugins whose enablement records are in force on the
 * settlement date, in their canonical order at their installed versions —
 * `baseline@1+p375_asset_metering@1`. Refused, with the reasons, when those
 * plugins cannot run together (one broken, removed, or in conflict).
 */
export async function enabledRuleSetKey(
  settlementDate: string,
  runtime: SettlementRuntime,
  options: { production: boolean }
): Promise<string> {
  const catalogue = await rulesCatalogue(runtime)
  const ids = enabledOn(await enablementRecords(), settlementDate)
  const problems = ruleSetProblems(catalogue, ids, options)
  if (problems.length) throw new RuleSetError(`for ${settlementDate}`, problems)
  return catalogueKey(catalogue, ids)
}
