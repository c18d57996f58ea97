/**
 * A stand-in for the settlement context's read API in tests that need runs
 * with chosen outputs: rows shaped as the settlement queries return them
 * (Insights field names, no settlement date).
 */
import { periodStartUtc, periodsInDay, toUtcIso } from '#core/calendar/index'
import type { CompletedRun, SettlementSource, SideRow } from '#insights/runs/settlement_source'

export interface FakeRun {
  runId: number
  settlementDate: string
  runType: string
  sandboxId: number | null
  /** System sell price of every period (the buy price equals it since P305). */
  price: (period: number) => number
}

export function settlementDouble(runs: FakeRun[]): SettlementSource {
  const find = (runId: number) => runs.find((run) => run.runId === runId)
  return {
    async run(runId) {
      const run = find(runId)
      return run ? { sandboxId: run.sandboxId, status: 'succeeded' } : null
    },
    async output(name: string, completed: CompletedRun): Promise<SideRow[] | undefined> {
      const run = find(completed.runId)!
      const periods = periodsInDay(run.settlementDate)
      const start = (p: number) => toUtcIso(periodStartUtc(run.settlementDate, p))
      if (name === 'systemPrices') {
        return Array.from({ length: periods }, (_, i) => ({
          side: null,
          row: {
            settlementPeriod: i + 1,
            startTime: start(i + 1),
            systemSellPrice: run.price(i + 1),
            systemBuyPrice: run.price(i + 1),
            bsadDefaulted: false,
            priceDerivationCode: 'P',
            netImbalanceVolume: 100 - i,
            totalAcceptedOfferVolume: 50,
            totalAcceptedBidVolume: null,
            replacementPrice: null,
          },
        }))
      }
      if (name === 'stack') {
        return [
          {
            side: 'offer',
            row: {
              settlementPeriod: 1,
              sequenceNumber: 1,
              id: 'T_DRAXX-1',
              acceptanceId: 1001,
              bidOfferPairId: 1,
              cadlFlag: false,
              soFlag: false,
              storProviderFlag: false,
              repricedIndicator: false,
              originalPrice: run.price(1),
              volume: 52.5,
              bmUnit: 'T_DRAXX-1',
            },
          },
          {
            side: 'bid',
            row: {
              settlementPeriod: 1,
              sequenceNumber: 1,
              id: 'T_WBURB-3',
              acceptanceId: 2002,
              bidOfferPairId: -1,
              cadlFlag: null,
              soFlag: false,
              storProviderFlag: false,
              repricedIndicator: false,
              originalPrice: -70.3,
              volume: -20,
              bmUnit: 'T_WBURB-3',
            },
          },
        ]
      }
      if (name === 'indicativeCashflows') {
        return [
          {
            side: 'offer',
            row: {
              settlementPeriod: 1,
              startTime: start(1),
              bmUnit: 'T_DRAXX-1',
              bmUnitType: 'T',
              leadPartyName: 'Drax',
              nationalGridBmUnit: 'DRAXX-1',
              bidOfferPairCashflows: { positive1: 52.5 * run.price(1) },
              totalCashflow: 52.5 * run.price(1),
            },
          },
        ]
      }
      return undefined
    },
  }
}
