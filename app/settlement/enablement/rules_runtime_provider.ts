import { defaultRuntime, type SettlementRuntime } from '#settlement/runs/runtime'

/**
 * The rule runtime the admin pages work on, resolved through the container
 * (`app.container.make(RulesRuntimeProvider)`), so tests can swap in one
 * pointed at fixture plugins.
 */
export class RulesRuntimeProvider {
  runtime(): SettlementRuntime {
    return defaultRuntime()
  }
}
