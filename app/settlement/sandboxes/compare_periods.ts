import type { RunRow } from '#settlement/queries/runs'
import { systemPrices } from '#settlement/queries/results'

/**
 * A trial's per-period results on production's periods (issue 4 §6): each
 * trial period goes to the production period it starts in, by start time,
 * so 15- and 5-minute trials — and clock-change days — line up. Volumes are
 * summed into the period; prices are the mean of the trial's periods there.
 */
const SUMMED = ['netImbalanceVolume', 'totalAcceptedOfferVolume', 'totalAcceptedBidVolume'] as const
const AVERAGED = ['systemSellPrice', 'systemBuyPrice'] as const
const PERIOD_FIELDS = [...AVERAGED, ...SUMMED] as const

export interface PeriodPoint {
  startTime: string
  settlementPeriod: number
  /** how many trial periods fall in this production period */
  trialPeriods: number
  production: Record<(typeof PERIOD_FIELDS)[number], number | null>
  trial: Record<(typeof PERIOD_FIELDS)[number], number | null>
}

export async function comparePeriods(
  production: RunRow | null,
  trial: RunRow | null,
  minutes: number
) {
  const points = new Map<number, PeriodPoint>()
  const empty = () =>
    Object.fromEntries(PERIOD_FIELDS.map((f) => [f, null])) as PeriodPoint['production']
  const slot = (startTime: string) => {
    const at = Date.parse(startTime)
    return at - (at % (minutes * 60_000))
  }
  for (const row of production ? await systemPrices(production.id) : []) {
    const point: PeriodPoint = {
      startTime: row.startTime as string,
      settlementPeriod: Number(row.settlementPeriod),
      trialPeriods: 0,
      production: empty(),
      trial: empty(),
    }
    for (const f of PERIOD_FIELDS) point.production[f] = (row[f] as number | null) ?? null
    points.set(slot(point.startTime), point)
  }
  const trialRows = trial ? await systemPrices(trial.id) : []
  for (const row of trialRows) {
    const key = slot(row.startTime as string)
    const point = points.get(key) ?? {
      startTime: new Date(key).toISOString().replace('.000Z', 'Z'),
      settlementPeriod: points.size + 1,
      trialPeriods: 0,
      production: empty(),
      trial: empty(),
    }
    points.set(key, point)
    point.trialPeriods++
    for (const f of PERIOD_FIELDS) {
      const value = row[f] as number | null
      if (value !== null) point.trial[f] = (point.trial[f] ?? 0) + value
    }
  }
  for (const point of points.values()) {
    for (const f of AVERAGED)
      if (point.trial[f] !== null) point.trial[f] = point.trial[f]! / point.trialPeriods
  }
  return [...points.values()].sort((x, y) => x.startTime.localeCompare(y.startTime))
}
