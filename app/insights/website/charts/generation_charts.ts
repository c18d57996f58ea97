/**
 * Generation charts: one day's outturn by fuel type, stacked (FUELHH per
 * settlement period or FUELINST per 5 minutes), and the daily energy mix over
 * the days up to it.
 */
import db from '@adonisjs/lucid/services/db'
import { periodsInDay } from '#core/calendar/index'
import { registry, type FuelType } from '#insights/datasets/registry'
import { generationMix } from '#insights/read_models/series'
import {
  PERIOD_COLUMNS,
  localTime,
  periodRows,
  withQuery,
  type ChartRow,
  type ChartSeries,
} from '../chart_spec.js'
import { boundedInteger, choiceParam, dateParam, shiftDate } from '../view_params.js'
import { defineChart } from './chart_definition.js'

export const GENERATION_SOURCES = ['FUELHH', 'FUELINST'] as const
type Source = (typeof GENERATION_SOURCES)[number]

/** Fuel types in stacking order: generation first, interconnector imports on top. */
function fuelsIn(codes: Set<string>): FuelType[] {
  const all = [...registry().fuelTypes.values()].filter((fuel) => codes.has(fuel.code))
  return [...all.filter((f) => !f.interconnector), ...all.filter((f) => f.interconnector)]
}

function fuelSeries(fuels: FuelType[], kind: 'area' | 'bar'): ChartSeries[] {
  return fuels.map((fuel) => ({
    key: fuel.code,
    label: fuel.name,
    kind,
    axis: 0,
    stack: 'generation',
    color: fuel.color,
  }))
}

function fuelColumns(fuels: FuelType[], unit: string) {
  return fuels.map((fuel) => ({ key: fuel.code, label: fuel.name, unit }))
}

async function dayRows(source: Source, date: string) {
  return db
    .from('insights_rows')
    .where({ dataset: source, run_id: 0, settlement_date: date })
    .orderBy('start_time')
    .select('settlement_period', 'start_time', 'entity', 'value')
}

export const generationDay = defineChart({
  id: 'generation-day',
  async read(params) {
    const source = choiceParam(params, 'source', GENERATION_SOURCES)
    return { source, date: await dateParam(params, 'date', [source]) }
  },
  query: (state) => ({ date: state.date, source: state.source }),
  async build({ source, date }) {
    const stored = await dayRows(source, date)
    const fuels = fuelsIn(new Set(stored.map((row) => row.entity as string)))
    const clockChange = periodsInDay(date) !== 48
    let rows: ChartRow[]
    if (source === 'FUELHH') {
      rows = periodRows(date)
      for (const row of stored) rows[row.settlement_period - 1][row.entity] = Number(row.value)
    } else {
      const byTime = new Map<string, ChartRow>()
      for (const row of stored) {
        const point: ChartRow = byTime.get(row.start_time) ?? {
          settlementPeriod: row.settlement_period,
          localTime: localTime(row.start_time, clockChange),
          startTime: row.start_time,
        }
        point[row.entity] = Number(row.value)
        byTime.set(row.start_time, point)
      }
      rows = [...byTime.values()]
    }
    for (const row of rows) for (const fuel of fuels) row[fuel.code] ??= null
    const what = source === 'FUELHH' ? 'per settlement period' : 'per 5 minutes'
    return {
      title: `Generation by fuel type on ${date}`,
      caption:
        `Generation outturn (MW) ${what} on ${date}, stacked by fuel type, from ${source}; ` +
        `${periodsInDay(date)} settlement periods. Interconnector flows are imports into GB.`,
      x: { key: 'localTime', label: 'UK time' },
      axes: [{ name: 'Generation', unit: 'MW' }],
      series: fuelSeries(fuels, 'area'),
      columns: [...PERIOD_COLUMNS, ...fuelColumns(fuels, 'MW')],
      rows: stored.length > 0 ? rows : [],
      empty: stored.length > 0 ? null : `No ${source} generation data for ${date} yet.`,
      api: [
        {
          label: `${source} for ${date}`,
          url: withQuery(`/bmrs/api/v1/datasets/${source}`, {
            settlementDateFrom: date,
            settlementDateTo: date,
          }),
        },
      ],
      datasets: [source],
    }
  },
})

export const generationMixChart = defineChart({
  id: 'generation-mix',
  async read(params) {
    const to = await dateParam(params, 'date', ['FUELHH'])
    const days = boundedInteger(params, 'days', 1, 366, 7)
    return { from: shiftDate(to, 1 - days), to }
  },
  query: (state) => ({ date: state.to, days: dayCount(state.from, state.to) }),
  async build({ from, to }) {
    const mix = await generationMix(from, to)
    const fuels = fuelsIn(new Set(mix.map((row) => row.fuelType)))
    const byDay = new Map<string, ChartRow>()
    for (const row of mix) {
      const day: ChartRow = byDay.get(row.settlementDate) ?? { settlementDate: row.settlementDate }
      day[row.fuelType] = row.energyMwh
      byDay.set(row.settlementDate, day)
    }
    const rows = [...byDay.values()]
    for (const row of rows) for (const fuel of fuels) row[fuel.code] ??= null
    return {
      title: `Daily generation mix, ${from} to ${to}`,
      caption: `Energy generated each settlement day (MWh) by fuel type, stacked, from FUELHH (the sum over the day's periods of the half-hourly MW × 0.5 h).`,
      x: { key: 'settlementDate', label: 'Settlement date' },
      axes: [{ name: 'Energy', unit: 'MWh' }],
      series: fuelSeries(fuels, 'bar'),
      columns: [{ key: 'settlementDate', label: 'Settlement date' }, ...fuelColumns(fuels, 'MWh')],
      rows,
      empty: rows.length > 0 ? null : `No FUELHH generation data from ${from} to ${to} yet.`,
      api: [
        {
          label: `Generation mix ${from} to ${to}`,
          url: withQuery('/bmrs/api/v1/ext/generation/mix', { from, to }),
        },
      ],
      datasets: ['FUELHH'],
    }
  },
})

function dayCount(from: string, to: string): number {
  return (
    Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1
  )
}
