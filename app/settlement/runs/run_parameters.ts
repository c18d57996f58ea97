import {
  applyParameterDeltas,
  loadParameterCatalogue,
  parametersOn,
  type ParametersInForce,
} from '#rules_runtime/parameters'
import type { RuleSetSpec } from '#rules_runtime/rule_set'

/**
 * Parameter values in force for a rule set on a settlement date: the
 * baseline YAML with each plugin's dated deltas applied in key order. The
 * sources (effective date, file, BSC reference) go into the run manifest.
 */
export function parametersFor(spec: RuleSetSpec, settlementDate: string): ParametersInForce {
  let catalogue = loadParameterCatalogue(spec.baseline.parametersDir)
  for (const plugin of spec.plugins)
    catalogue = applyParameterDeltas(catalogue, plugin.parameterDeltas)
  return parametersOn(catalogue, settlementDate)
}
