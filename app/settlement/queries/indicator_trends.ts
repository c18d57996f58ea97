import { runTypeRank, type RunType } from '#settlement/runs/run_types'
import { stageSeries } from './stage_analytics.js'

/**
 * Data-quality indicators across settlement dates and run types (issue 3
 * §6): one row per date and run type (its latest run), one column per
 * `stage.indicator`, and the settlement risks they show. A risk is a watched
 * indicator that is present on the latest date, or that rose well above its
 * usual level (over 1.5 × the median of the earlier dates of that run type).
 */
export interface TrendRow {
  settlementDate: string
  runType: RunType
  runId: number
  runNumber: number
  values: Record<string, number>
}

export interface SettlementRisk {
  indicator: string
  runType: RunType
  settlementDate: string
  kind: 'present' | 'rising'
  message: string
}

/** Indicators worth an analyst's attention, by name (any stage that reports them). */
export const WATCHED: Record<string, { label: string; whenPresent: boolean }> = {
  bmUnitsMissingMeteredData: { label: 'BM Units with missing metered data', whenPresent: true },
  bmUnitPeriodsMissingMeteredData: {
    label: 'BM Unit periods missing metered data',
    whenPresent: false,
  },
  bmUnitPeriodsEstimated: {
    label: 'BM Unit periods with estimated metered data',
    whenPresent: false,
  },
  periodsBsadDefaulted: { label: 'Periods with defaulted BSAD', whenPresent: true },
  periodsMissingLolp: { label: 'Periods without LoLP', whenPresent: true },
  itemsRepriced: { label: 'Stack items repriced', whenPresent: false },
  volumeDmatTagged: { label: 'Volume tagged out by DMAT (MWh)', whenPresent: false },
  volumeArbitrageTagged: { label: 'Volume tagged out by arbitrage (MWh)', whenPresent: false },
  volumeNivTagged: { label: 'Volume tagged out by NIV (MWh)', whenPresent: false },
  volumeParTagged: { label: 'Volume tagged out by PAR (MWh)', whenPresent: false },
  acceptancesOutsideBands: { label: 'Acceptances outside every bid-offer band', whenPresent: true },
}

const RISE_FACTOR = 1.5

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

const short = (value: number) => Number(value.toFixed(3))

export function settlementRisks(rows: TrendRow[], indicators: string[]): SettlementRisk[] {
  const risks: SettlementRisk[] = []
  for (const runType of [...new Set(rows.map((row) => row.runType))]) {
    const series = rows.filter((row) => row.runType === runType)
    const last = series[series.length - 1]
    for (const indicator of indicators) {
      const watched = WATCHED[indicator.split('.').pop()!]
      if (!watched) continue
      const value = last.values[indicator] ?? 0
      const earlier = series.slice(0, -1).map((row) => row.values[indicator] ?? 0)
      const usual = earlier.length >= 2 ? median(earlier) : null
      const base = { indicator, runType, settlementDate: last.settlementDate }
      if (usual !== null && value > 0 && value > usual * RISE_FACTOR) {
        risks.push({
          ...base,
          kind: 'rising',
          message: `${watched.label} rising: ${short(value)} on ${last.settlementDate} (${runType}) against a median of ${short(usual)} over ${earlier.length} earlier date(s)`,
        })
      } else if (watched.whenPresent && value > 0) {
        risks.push({
          ...base,
          kind: 'present',
          message: `${watched.label}: ${short(value)} on ${last.settlementDate} (${runType})`,
        })
      }
    }
  }
  return risks
}

export async function indicatorTrends(filter: { from: string; to: string; runType?: RunType }) {
  const points = await stageSeries({ ...filter, latestOnly: true })
  const rows = new Map<number, TrendRow>()
  const indicators = new Set<string>()
  for (const point of points) {
    const row = rows.get(point.runId) ?? {
      settlementDate: point.settlementDate,
      runType: point.runType,
      runId: point.runId,
      runNumber: point.runNumber,
      values: {},
    }
    for (const [name, value] of Object.entries(point.indicators)) {
      const key = `${point.stageId}.${name}`
      indicators.add(key)
      row.values[key] = value
    }
    rows.set(point.runId, row)
  }
  const sorted = [...rows.values()].sort(
    (a, b) =>
      a.settlementDate.localeCompare(b.settlementDate) ||
      runTypeRank(a.runType) - runTypeRank(b.runType)
  )
  const names = [...indicators].sort()
  return { rows: sorted, indicators: names, risks: settlementRisks(sorted, names) }
}
