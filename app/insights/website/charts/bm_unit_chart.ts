import { datesBetween } from '#core/calendar/index'
import { bmUnitSeries } from '#insights/read_models/series'
import { periodRows, withQuery, type ChartRow } from '../chart_spec.js'
import { boundedInteger, dateParam, runTypeParam, shiftDate } from '../view_params.js'
import { defineChart } from './chart_definition.js'

export interface BmUnitChoice {
  bmUnit: string
  from: string
  to: string
  runType?: string
}

/**
 * One BM Unit's accepted offer and bid volumes (BOAV) and indicative cashflow
 * (EBOCF) per settlement period over up to 31 days, every period of each day shown.
 */
export const bmUnitChart = defineChart({
  id: 'bm-unit',
  async read(params): Promise<BmUnitChoice> {
    const bmUnit = params.raw('bmUnit', true) ?? ''
    const runType = runTypeParam(params)
    const to = await dateParam(params, 'date', ['BOAV', 'EBOCF'])
    const days = boundedInteger(params, 'days', 1, 31, 1)
    return { bmUnit, from: shiftDate(to, 1 - days), to, runType }
  },
  query: (state: BmUnitChoice) => ({
    bmUnit: state.bmUnit,
    date: state.to,
    days: datesBetween(state.from, state.to).length,
    runType: state.runType,
  }),
  async build(state: BmUnitChoice) {
    const { bmUnit, from, to, runType } = state
    const series = await bmUnitSeries(bmUnit, from, to, runType)
    const dates = datesBetween(from, to)
    const rows: ChartRow[] = dates.flatMap((date) =>
      periodRows(date).map((row) => ({
        ...row,
        label: dates.length > 1 ? `${date} ${row.settlementPeriod}` : String(row.settlementPeriod),
        offerVolume: null,
        bidVolume: null,
        cashflow: null,
      }))
    )
    const index = new Map(rows.map((row, i) => [row.startTime as string, i]))
    for (const point of series) Object.assign(rows[index.get(String(point.startTime))!], point)
    const range = from === to ? to : `${from} to ${to}`
    return {
      title: `${bmUnit}: accepted volumes and cashflow, ${range}`,
      caption: `Accepted offer volume (positive) and bid volume (negative) in MWh per settlement period (bars), and the indicative cashflow in £ (line) of BM Unit ${bmUnit}, ${range}.`,
      x: { key: 'label', label: dates.length > 1 ? 'Date and period' : 'Settlement period' },
      axes: [
        { name: 'Volume', unit: 'MWh' },
        { name: 'Cashflow', unit: '£' },
      ],
      series: [
        {
          key: 'offerVolume',
          label: 'Offer volume',
          kind: 'bar',
          axis: 0,
          stack: 'volume',
          color: '#0b6e4f',
        },
        {
          key: 'bidVolume',
          label: 'Bid volume',
          kind: 'bar',
          axis: 0,
          stack: 'volume',
          color: '#b42318',
        },
        { key: 'cashflow', label: 'Cashflow', kind: 'line', axis: 1, color: '#1d4ed8' },
      ],
      columns: [
        { key: 'settlementDate', label: 'Settlement date' },
        { key: 'settlementPeriod', label: 'Settlement period' },
        { key: 'startTime', label: 'Start (UTC)' },
        { key: 'offerVolume', label: 'Offer volume', unit: 'MWh' },
        { key: 'bidVolume', label: 'Bid volume', unit: 'MWh' },
        { key: 'cashflow', label: 'Cashflow', unit: '£' },
      ],
      rows: series.length > 0 ? rows : [],
      empty:
        series.length > 0
          ? null
          : `No accepted volumes or cashflows for ${bmUnit}, ${range}: no ${runType ? `${runType} ` : ''}settlement run covers these days yet, or the unit had no accepted actions.`,
      api: [
        {
          label: `${bmUnit} series`,
          url: withQuery(`/bmrs/api/v1/ext/bmunits/${encodeURIComponent(bmUnit)}/series`, {
            from,
            to,
            runType,
          }),
        },
      ],
      datasets: ['BOAV', 'EBOCF'],
    }
  },
})
