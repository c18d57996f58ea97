import { latestRunsBetween } from '#settlement/index'

/**
 * Which Settlement Days have had their Final Reconciliation (customer.md
 * §10.1 FINAL_RECON_PENDING), read from the settlement context's public index
 * (`latestRunsBetween`: the latest succeeded production run of each day).
 * A day counts as final once its latest run is RF or a post-final DF run.
 */
export const FINAL_RUN_TYPES = ['RF', 'DF']

export type FinalRunsAnswer =
  { status: 'known'; finalDates: Set<string> } | { status: 'unknown'; explanation: string }

export interface SettlementRunsPort {
  finalDates(from: string, to: string): Promise<FinalRunsAnswer>
}

export const settlementRunsPort: SettlementRunsPort = {
  async finalDates(from, to) {
    let runs: { settlementDate: string; runType: string }[]
    try {
      runs = await latestRunsBetween(from, to)
    } catch (error) {
      return {
        status: 'unknown',
        explanation: `Settlement could not report its runs (${(error as Error).message}), so no day can be shown finally reconciled.`,
      }
    }
    return {
      status: 'known',
      finalDates: new Set(
        runs.filter((run) => FINAL_RUN_TYPES.includes(run.runType)).map((run) => run.settlementDate)
      ),
    }
  },
}
