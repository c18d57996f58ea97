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

type LatestRuns = (
  from: string,
  to: string
) => Promise<{ settlementDate: string; runType: string }[]>

export const settlementRunsPort: SettlementRunsPort = {
  async finalDates(from, to) {
    const settlement: Record<string, unknown> = await import('#settlement/index')
    const query = settlement.latestRunsBetween as LatestRuns | undefined
    if (typeof query !== 'function') {
      return {
        status: 'unknown',
        explanation:
          'The settlement context does not publish its runs (no latestRunsBetween in its public index), so no day can be shown finally reconciled.',
      }
    }
    const runs = await query(from, to)
    return {
      status: 'known',
      finalDates: new Set(
        runs.filter((run) => FINAL_RUN_TYPES.includes(run.runType)).map((run) => run.settlementDate)
      ),
    }
  },
}
