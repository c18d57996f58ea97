/** Builds a StageReport: counts, data-quality indicators and the ids behind them (deduplicated). */
import type { StageReport } from '../../../app/rules_runtime/stage.js'

export class ReportBuilder {
  private readonly processed: Record<string, number> = {}
  private readonly indicators: Record<string, number> = {}
  private readonly details = new Map<string, Set<string>>()

  count(name: string, by = 1): void {
    this.processed[name] = (this.processed[name] ?? 0) + by
  }

  /** Adds to an indicator (declared at 0 first, so every run reports the same indicator names). */
  indicate(name: string, by = 1, id?: string): void {
    this.indicators[name] = (this.indicators[name] ?? 0) + by
    if (id !== undefined) {
      let ids = this.details.get(name)
      if (!ids) this.details.set(name, (ids = new Set()))
      ids.add(id)
    }
  }

  declare(...names: string[]): this {
    for (const name of names) this.indicators[name] ??= 0
    return this
  }

  build(): StageReport {
    const details: Record<string, string[]> = {}
    for (const [name, ids] of this.details) details[name] = [...ids]
    return {
      processed: { ...this.processed },
      indicators: { ...this.indicators },
      ...(this.details.size ? { details } : {}),
    }
  }
}

/** `T_X-1 P20` style label for a unit in a period. */
export function unitPeriod(unitId: string, period: number): string {
  return `${unitId} P${period}`
}
