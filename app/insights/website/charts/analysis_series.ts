/**
 * The series the ad-hoc analysis page can put on one chart: each read per
 * settlement period from stored rows, with its unit and how it aggregates to
 * days and weeks. Prices and powers (MW) average — the mean over the periods
 * holding data — while energies and volumes (MWh) add up.
 */
import db from '@adonisjs/lucid/services/db'
import { datesBetween } from '#core/calendar/index'
import { registry } from '#insights/datasets/registry'
import { systemPriceSeries } from '#insights/read_models/series'
import { withQuery } from '../chart_spec.js'

export interface PeriodPoint {
  settlementDate: string
  settlementPeriod: number
  startTime: string
  value: number | null
}

export interface AnalysisSeries {
  id: string
  label: string
  unit: string
  aggregate: 'mean' | 'sum'
  dataset: string
  color: string
  load(from: string, to: string): Promise<PeriodPoint[]>
  /** The public API call giving the series' rows over the range. */
  api(from: string, to: string): string
}

type PriceField = 'systemSellPrice' | 'systemBuyPrice' | 'netImbalanceVolume'

function price(
  id: string,
  label: string,
  field: PriceField,
  unit: string,
  color: string
): AnalysisSeries {
  return {
    id,
    label,
    unit,
    aggregate: unit === 'MWh' ? 'sum' : 'mean',
    dataset: 'DISEBSP',
    color,
    async load(from, to) {
      const rows = await systemPriceSeries(from, to)
      return rows.map((row) => ({ ...row, value: row[field] }))
    },
    // The series endpoint serves up to 93 days; a longer range is a streamed data request.
    api: (from, to) =>
      datesBetween(from, to).length <= 93
        ? withQuery('/bmrs/api/v1/ext/system-prices/series', { from, to })
        : withQuery('/insights/requests/download', {
            dataset: 'DISEBSP',
            from,
            to,
            format: 'json',
          }),
  }
}

async function periodValues(dataset: string, from: string, to: string, entity?: string) {
  const rows = await db
    .from('insights_rows')
    .where({ dataset, run_id: 0 })
    .whereBetween('settlement_date', [from, to])
    .if(entity, (q) => q.where('entity', entity!))
    .orderBy('start_time')
    .select('settlement_date', 'settlement_period', 'start_time', 'value', 'payload')
  return rows
}

function generation(fuel: { code: string; name: string; color: string }): AnalysisSeries {
  return {
    id: `gen:${fuel.code}`,
    label: `${fuel.name} generation`,
    unit: 'MW',
    aggregate: 'mean',
    dataset: 'FUELHH',
    color: fuel.color,
    async load(from, to) {
      const rows = await periodValues('FUELHH', from, to, fuel.code)
      return rows.map((row) => ({
        settlementDate: row.settlement_date,
        settlementPeriod: Number(row.settlement_period),
        startTime: row.start_time,
        value: row.value === null ? null : Number(row.value),
      }))
    },
    api: (from, to) =>
      withQuery('/bmrs/api/v1/datasets/FUELHH/stream', {
        settlementDateFrom: from,
        settlementDateTo: to,
        fuelType: fuel.code,
      }),
  }
}

function demand(id: string, label: string, field: string, color: string): AnalysisSeries {
  return {
    id,
    label,
    unit: 'MW',
    aggregate: 'mean',
    dataset: 'INDO',
    color,
    async load(from, to) {
      const rows = await periodValues('INDO', from, to)
      return rows.map((row) => ({
        settlementDate: row.settlement_date,
        settlementPeriod: Number(row.settlement_period),
        startTime: row.start_time,
        value: JSON.parse(row.payload)[field] ?? null,
      }))
    },
    api: (from, to) =>
      withQuery('/bmrs/api/v1/demand/outturn/stream', {
        settlementDateFrom: from,
        settlementDateTo: to,
      }),
  }
}

/** Every series on offer, in the order the page lists them. */
export function analysisCatalogue(): AnalysisSeries[] {
  const fuels = [...registry().fuelTypes.values()].filter((fuel) => fuel.outturn)
  return [
    price('ssp', 'System sell price', 'systemSellPrice', '£/MWh', '#0b6e4f'),
    price('sbp', 'System buy price', 'systemBuyPrice', '£/MWh', '#b54708'),
    price('niv', 'Net imbalance volume', 'netImbalanceVolume', 'MWh', '#6baed6'),
    demand('indo', 'National demand (INDO)', 'initialDemandOutturn', '#1d4ed8'),
    demand(
      'itsdo',
      'Transmission system demand (ITSDO)',
      'initialTransmissionSystemDemandOutturn',
      '#7b3294'
    ),
    ...fuels.map(generation),
  ]
}

export function findSeries(id: string): AnalysisSeries | undefined {
  return analysisCatalogue().find((series) => series.id === id)
}
