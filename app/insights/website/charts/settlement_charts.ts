/**
 * Settlement charts: a day's system prices with the net imbalance volume per
 * period, and one period's bid and offer stacks as the answering run tagged
 * them. Both answer from the latest run of the day, or of the chosen run type.
 */
import db from '@adonisjs/lucid/services/db'
import { periodsInDay } from '#core/calendar/index'
import { systemPriceSeries } from '#insights/read_models/series'
import { selectRuns, type RunRef } from '#insights/runs/run_selection'
import { PERIOD_COLUMNS, periodRows, withQuery, type ChartRow } from '../chart_spec.js'
import { dateParam, runTypeParam } from '../view_params.js'
import { defineChart } from './chart_definition.js'

export interface RunChoice {
  date: string
  runType?: string
}

/** Why a day has nothing to show: no run at all, or none of the chosen type. */
export function noRunMessage({ date, runType }: RunChoice): string {
  return runType
    ? `No ${runType} settlement run yet for ${date}.`
    : `No settlement run yet for ${date}.`
}

/** The run answering for the day (undefined when none), described for the page. */
export async function answeringRun({ date, runType }: RunChoice) {
  const runs = await selectRuns([date], runType)
  const run: RunRef | undefined = runs.get(date)
  if (!run) return null
  return {
    runType: run.runType ?? 'imported',
    settlementRunId: run.settlementRunId,
    source: run.source,
    publishedAt: run.createdAt,
  }
}

/** The run types published for a day, in supersession order. */
export async function publishedRunTypes(date: string): Promise<string[]> {
  const rows = await db
    .from('insights_runs')
    .where('settlement_date', date)
    .whereNotNull('run_type')
    .distinct('run_type', 'run_rank')
    .orderBy('run_rank')
  return rows.map((row) => row.run_type as string)
}

export const systemPricesChart = defineChart({
  id: 'system-prices',
  async read(params) {
    const runType = runTypeParam(params)
    return { date: await dateParam(params, 'date', ['DISEBSP']), runType }
  },
  query: (state: RunChoice) => ({ date: state.date, runType: state.runType }),
  async build(state: RunChoice) {
    const { date, runType } = state
    const prices = await systemPriceSeries(date, date, runType)
    const rows: ChartRow[] = periodRows(date).map((row) => ({
      ...row,
      systemSellPrice: null,
      systemBuyPrice: null,
      netImbalanceVolume: null,
    }))
    for (const price of prices) Object.assign(rows[price.settlementPeriod - 1], price)
    return {
      title: `System prices and NIV on ${date}${runType ? ` (${runType} run)` : ''}`,
      caption:
        `System sell and buy prices (£/MWh, lines) and the net imbalance volume (MWh, bars; ` +
        `positive: the system was short) for each of the ${periodsInDay(date)} settlement periods of ${date}.`,
      x: { key: 'settlementPeriod', label: 'Settlement period' },
      axes: [
        { name: 'Price', unit: '£/MWh' },
        { name: 'NIV', unit: 'MWh' },
      ],
      series: [
        { key: 'netImbalanceVolume', label: 'NIV', kind: 'bar', axis: 1, color: '#9ecae1' },
        {
          key: 'systemSellPrice',
          label: 'System sell price',
          kind: 'line',
          axis: 0,
          color: '#0b6e4f',
        },
        {
          key: 'systemBuyPrice',
          label: 'System buy price',
          kind: 'line',
          axis: 0,
          color: '#b54708',
          dashed: true,
        },
      ],
      columns: [
        ...PERIOD_COLUMNS,
        { key: 'systemSellPrice', label: 'System sell price', unit: '£/MWh' },
        { key: 'systemBuyPrice', label: 'System buy price', unit: '£/MWh' },
        { key: 'netImbalanceVolume', label: 'Net imbalance volume', unit: 'MWh' },
      ],
      rows: prices.length > 0 ? rows : [],
      empty: prices.length > 0 ? null : noRunMessage(state),
      api: [
        {
          label: `System prices for ${date}`,
          url: withQuery(`/bmrs/api/v1/balancing/settlement/system-prices/${date}`, { runType }),
        },
      ],
      datasets: ['DISEBSP'],
    }
  },
})

export interface StackChoice extends RunChoice {
  period: number
}

const STACK_FIELDS = [
  'sequenceNumber',
  'id',
  'acceptanceId',
  'bidOfferPairId',
  'cadlFlag',
  'soFlag',
  'storProviderFlag',
  'repricedIndicator',
  'reserveScarcityPrice',
  'originalPrice',
  'finalPrice',
  'volume',
  'dmatAdjustedVolume',
  'arbitrageAdjustedVolume',
  'nivAdjustedVolume',
  'parAdjustedVolume',
  'tlmAdjustedVolume',
] as const

export const priceStackChart = defineChart({
  id: 'price-stack',
  async read(params): Promise<StackChoice> {
    const runType = runTypeParam(params)
    const date = await dateParam(params, 'date', ['ISPSTACK', 'DISEBSP'])
    const period = params.period('period', params.raw('period') ?? '1', date) ?? 1
    return { date, period, runType }
  },
  query: (state: StackChoice) => ({
    date: state.date,
    period: state.period,
    runType: state.runType,
  }),
  async build(state: StackChoice) {
    const { date, period, runType } = state
    const runs = await selectRuns([date], runType)
    const run = runs.get(date)
    const stored = run
      ? await db
          .from('insights_rows')
          .where({ dataset: 'ISPSTACK', run_id: run.id, settlement_date: date })
          .where('settlement_period', period)
          .select('side', 'payload')
      : []
    const rows: ChartRow[] = stored
      .map((row) => ({ side: row.side as string, item: JSON.parse(row.payload) }))
      // Offers then bids, each in stack (sequence) order.
      .sort((a, b) => b.side.localeCompare(a.side) || a.item.sequenceNumber - b.item.sequenceNumber)
      .map(({ side, item }) => {
        const label = `${side === 'offer' ? 'O' : 'B'}${item.sequenceNumber} ${item.id ?? ''}`
        const out: ChartRow = { side, label: label.trim() }
        for (const field of STACK_FIELDS) out[field] = item[field] ?? null
        return out
      })
    const api = (side: string) => ({
      label: `${side === 'bid' ? 'Bid' : 'Offer'} stack, period ${period} of ${date}`,
      url: withQuery(`/bmrs/api/v1/balancing/settlement/stack/all/${side}/${date}/${period}`, {
        runType,
      }),
    })
    return {
      title: `Price stack, settlement period ${period} of ${date}`,
      caption:
        `Each accepted offer (O) and bid (B) of period ${period} on ${date} in stack order: ` +
        `its volume (MWh, bars), original and final price (£/MWh, points); the tables flag CADL, SO and STOR items and repriced ones.`,
      x: { key: 'label', label: 'Stack item' },
      axes: [
        { name: 'Price', unit: '£/MWh' },
        { name: 'Volume', unit: 'MWh' },
      ],
      series: [
        { key: 'volume', label: 'Volume', kind: 'bar', axis: 1, color: '#9ecae1' },
        {
          key: 'originalPrice',
          label: 'Original price',
          kind: 'scatter',
          axis: 0,
          color: '#566170',
        },
        { key: 'finalPrice', label: 'Final price', kind: 'scatter', axis: 0, color: '#b42318' },
      ],
      columns: [
        { key: 'side', label: 'Side' },
        ...STACK_FIELDS.map((key) => ({ key, label: key })),
      ],
      rows,
      empty: !run
        ? noRunMessage(state)
        : rows.length === 0
          ? `The bid and offer stacks of period ${period} on ${date} are empty (no accepted actions).`
          : null,
      api: [api('bid'), api('offer')],
      datasets: ['ISPSTACK'],
    }
  },
})
