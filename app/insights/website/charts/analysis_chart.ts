/**
 * Ad-hoc analysis: two or three series on one chart, per settlement period,
 * day or week (weeks start on Monday and are labelled by that date), one
 * y axis per unit. The whole view lives in the URL query, so a link shares it.
 */
import { DateTime } from 'luxon'
import { checkDateRange } from '#insights/api/params'
import { round, type ChartColumn, type ChartRow } from '../chart_spec.js'
import { choiceParam, latestDay, shiftDate } from '../view_params.js'
import {
  analysisCatalogue,
  findSeries,
  type AnalysisSeries,
  type PeriodPoint,
} from './analysis_series.js'
import { defineChart } from './chart_definition.js'

export const AGGREGATIONS = ['day', 'period', 'week'] as const
type Aggregation = (typeof AGGREGATIONS)[number]

/** Longest range per aggregation: per period a month of points, per day or week a year. */
export const MAX_DAYS: Record<Aggregation, number> = { period: 31, day: 366, week: 366 }
export const MAX_SERIES = 3
const DEFAULT_SERIES = ['ssp', 'gen:WIND', 'niv']

export interface AnalysisState {
  series: string[]
  from: string
  to: string
  agg: Aggregation
}

function bucketOf(point: PeriodPoint, agg: Aggregation): { key: string; fields: ChartRow } {
  if (agg === 'period') {
    return {
      key: point.startTime,
      fields: {
        label: `${point.settlementDate} ${point.settlementPeriod}`,
        settlementDate: point.settlementDate,
        settlementPeriod: point.settlementPeriod,
        startTime: point.startTime,
      },
    }
  }
  if (agg === 'day') {
    return {
      key: point.settlementDate,
      fields: { label: point.settlementDate, settlementDate: point.settlementDate },
    }
  }
  const monday = DateTime.fromISO(point.settlementDate, { zone: 'utc' })
    .startOf('week')
    .toISODate()!
  return { key: monday, fields: { label: `w/c ${monday}`, weekCommencing: monday } }
}

const BUCKET_COLUMNS: Record<Aggregation, ChartColumn[]> = {
  period: [
    { key: 'settlementDate', label: 'Settlement date' },
    { key: 'settlementPeriod', label: 'Settlement period' },
    { key: 'startTime', label: 'Start (UTC)' },
  ],
  day: [{ key: 'settlementDate', label: 'Settlement date' }],
  week: [{ key: 'weekCommencing', label: 'Week commencing (Monday)' }],
}

/** Buckets the points of every series and aggregates each as its series says (mean or sum). */
export function aggregate(
  chosen: { series: AnalysisSeries; points: PeriodPoint[] }[],
  agg: Aggregation
): ChartRow[] {
  const rows = new Map<string, ChartRow>()
  const sums = new Map<string, { total: number; count: number }>()
  for (const { series, points } of chosen) {
    for (const point of points) {
      const bucket = bucketOf(point, agg)
      if (!rows.has(bucket.key)) rows.set(bucket.key, bucket.fields)
      if (point.value === null) continue
      const cell = `${bucket.key}|${series.id}`
      const sum = sums.get(cell) ?? { total: 0, count: 0 }
      sum.total += point.value
      sum.count += 1
      sums.set(cell, sum)
    }
  }
  const ordered = [...rows.entries()].sort(([a], [b]) => a.localeCompare(b))
  return ordered.map(([key, fields]) => {
    const row: ChartRow = { ...fields }
    for (const { series } of chosen) {
      const sum = sums.get(`${key}|${series.id}`)
      row[series.id] = !sum
        ? null
        : round(series.aggregate === 'sum' ? sum.total : sum.total / sum.count, 3)
    }
    return row
  })
}

export const analysisChart = defineChart({
  id: 'analysis',
  async read(params): Promise<AnalysisState> {
    const agg = choiceParam(params, 'agg', AGGREGATIONS)
    let series = params.list('series')
    if (series.length === 0) series = DEFAULT_SERIES
    const unknown = series.filter((id) => !findSeries(id))
    if (unknown.length > 0)
      params.fail(
        'series',
        `Unknown series ${unknown.join(', ')}; choose from the list on the page`
      )
    if (series.length > MAX_SERIES) params.fail('series', `Choose at most ${MAX_SERIES} series`)
    series = series.filter((id) => findSeries(id)).slice(0, MAX_SERIES)
    const to = params.date('to') ?? (await latestDay(['DISEBSP', 'FUELHH', 'INDO']))
    let from = params.date('from') ?? shiftDate(to, agg === 'period' ? 0 : -6)
    if (!checkDateRange(params, 'from', from, 'to', to, MAX_DAYS[agg])) from = to
    return { series: [...new Set(series)], from, to, agg }
  },
  query: (state: AnalysisState) => ({
    series: state.series.join(','),
    from: state.from,
    to: state.to,
    agg: state.agg,
  }),
  async build({ series: ids, from, to, agg }: AnalysisState) {
    const chosen = await Promise.all(
      ids.map(async (id) => {
        const series = findSeries(id)!
        return { series, points: await series.load(from, to) }
      })
    )
    const units = [...new Set(chosen.map(({ series }) => series.unit))]
    const rows = aggregate(chosen, agg)
    const hasData = rows.some((row) => ids.some((id) => row[id] !== null))
    const per = agg === 'period' ? 'settlement period' : agg
    return {
      title: `${chosen.map(({ series }) => series.label).join(' vs ')}, ${from} to ${to}`,
      caption:
        `${chosen.map(({ series }) => `${series.label} (${series.unit}, ${series.aggregate === 'sum' ? 'summed' : 'mean'} per ${per})`).join('; ')}, ` +
        `from ${from} to ${to}. Prices and MW values are means over the periods holding data; MWh volumes are sums.`,
      x: {
        key: 'label',
        label:
          agg === 'week'
            ? 'Week commencing'
            : agg === 'day'
              ? 'Settlement date'
              : 'Date and period',
      },
      axes: units.map((unit) => ({
        name: chosen
          .filter(({ series }) => series.unit === unit)
          .map(({ series }) => series.label)
          .join(', '),
        unit,
      })),
      series: chosen.map(({ series }) => ({
        key: series.id,
        label: series.label,
        kind: series.unit === 'MWh' ? ('bar' as const) : ('line' as const),
        axis: units.indexOf(series.unit),
        color: series.color,
      })),
      columns: [
        ...BUCKET_COLUMNS[agg],
        ...chosen.map(({ series }) => ({ key: series.id, label: series.label, unit: series.unit })),
      ],
      rows: hasData ? rows : [],
      empty: hasData ? null : `None of ${ids.join(', ')} has data from ${from} to ${to} yet.`,
      api: chosen.map(({ series }) => ({ label: series.label, url: series.api(from, to) })),
      datasets: [...new Set(chosen.map(({ series }) => series.dataset))],
    }
  },
})

/** What the page's series picker offers. */
export function seriesChoices() {
  return analysisCatalogue().map(({ id, label, unit, aggregate: how }) => ({
    id,
    label,
    unit,
    aggregate: how,
  }))
}
