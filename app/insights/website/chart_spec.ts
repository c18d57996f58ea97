/**
 * What a website chart is, as the server hands it to the page: the rows it
 * plots (also its data table and its CSV/JSON download, so "download what you
 * see" is the same rows by construction), how to draw them, and the public API
 * call behind it. Charts are drawn on the client only; the rows and caption
 * are the server-rendered text alternative.
 */
import { DateTime } from 'luxon'
import { periodsOfDay, SETTLEMENT_ZONE } from '#core/calendar/index'

export type Cell = string | number | boolean | null
export type ChartRow = Record<string, Cell>

export interface ChartColumn {
  key: string
  label: string
  unit?: string
}

export interface ChartSeries {
  key: string
  label: string
  kind: 'line' | 'bar' | 'area' | 'scatter'
  /** Index into `axes`. */
  axis: number
  stack?: string
  color?: string
  dashed?: boolean
}

export interface ChartSpec {
  id: string
  title: string
  /** One or two sentences saying what the chart shows: its text alternative. */
  caption: string
  /** The row key whose values label the x axis. */
  x: { key: string; label: string }
  axes: { name: string; unit: string }[]
  series: ChartSeries[]
  columns: ChartColumn[]
  rows: ChartRow[]
  /** Said instead of a chart when nothing is plotted (which data is missing). */
  empty: string | null
  /** "Download what you see": the same rows as CSV and JSON. */
  downloads: { csv: string; json: string }
  /** The public API calls the rows come from. */
  api: { label: string; url: string }[]
  /** Datasets whose push feeds announce new data for this chart. */
  datasets: string[]
}

export type ChartBody = Omit<ChartSpec, 'downloads' | 'id'>

/** A URL with a query, leaving out empty values (stable order: as given). */
export function withQuery(path: string, query: Record<string, unknown>): string {
  const search = new URLSearchParams()
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue
    search.set(name, Array.isArray(value) ? value.join(',') : String(value))
  }
  const text = search.toString()
  return text ? `${path}?${text}` : path
}

export function downloadsFor(id: string, query: Record<string, unknown>) {
  return {
    csv: withQuery(`/insights/charts/${id}/download`, { ...query, format: 'csv' }),
    json: withQuery(`/insights/charts/${id}/download`, { ...query, format: 'json' }),
  }
}

/** Local clock time of an instant; on clock-change days with the zone, since an hour repeats or is skipped. */
export function localTime(instant: string, clockChange: boolean): string {
  const local = DateTime.fromISO(instant, { zone: 'utc' }).setZone(SETTLEMENT_ZONE)
  return clockChange ? local.setLocale('en-GB').toFormat('HH:mm ZZZZ') : local.toFormat('HH:mm')
}

/**
 * One row per settlement period of the day (46, 48 or 50), labelled with the
 * period and its local start, so a chart shows every period even where data is missing.
 */
export function periodRows(date: string): ChartRow[] {
  const periods = periodsOfDay(date)
  const clockChange = periods.length !== 48
  return periods.map((period) => ({
    settlementDate: date,
    settlementPeriod: period.settlementPeriod,
    startTime: period.startTime,
    localTime: localTime(period.startTime, clockChange),
  }))
}

export const PERIOD_COLUMNS: ChartColumn[] = [
  { key: 'settlementPeriod', label: 'Settlement period' },
  { key: 'localTime', label: 'Start (UK time)' },
  { key: 'startTime', label: 'Start (UTC)' },
]

export function round(value: number, places = 3): number {
  const factor = 10 ** places
  return Math.round(value * factor) / factor
}
