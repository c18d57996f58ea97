/** A chart as the server hands it to a page (app/insights/website/chart_spec.ts). */
export type Cell = string | number | boolean | null
export type ChartRow = Record<string, Cell>

export interface ChartSeries {
  key: string
  label: string
  kind: 'line' | 'bar' | 'area' | 'scatter'
  axis: number
  stack?: string
  color?: string
  dashed?: boolean
}

export interface ChartSpec {
  id: string
  title: string
  caption: string
  x: { key: string; label: string }
  axes: { name: string; unit: string }[]
  series: ChartSeries[]
  columns: { key: string; label: string; unit?: string }[]
  rows: ChartRow[]
  empty: string | null
  downloads: { csv: string; json: string }
  api: { label: string; url: string }[]
  datasets: string[]
}
