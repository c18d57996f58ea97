import db from '@adonisjs/lucid/services/db'
import { periodsInDay } from '#core/calendar/index'
import { PERIOD_COLUMNS, periodRows, withQuery } from '../chart_spec.js'
import { dateParam } from '../view_params.js'
import { defineChart } from './chart_definition.js'

/** A day's initial national demand outturn (INDO) and transmission system demand (ITSDO) per period. */
export const demandChart = defineChart({
  id: 'demand',
  async read(params) {
    return { date: await dateParam(params, 'date', ['INDO']) }
  },
  query: (state) => ({ date: state.date }),
  async build({ date }) {
    const stored = await db
      .from('insights_rows')
      .where({ dataset: 'INDO', run_id: 0, settlement_date: date })
      .select('settlement_period', 'payload')
    const rows = periodRows(date).map((row) => ({
      ...row,
      initialDemandOutturn: null as number | null,
      initialTransmissionSystemDemandOutturn: null as number | null,
    }))
    for (const row of stored) {
      const demand = JSON.parse(row.payload)
      const target = rows[row.settlement_period - 1]
      target.initialDemandOutturn = demand.initialDemandOutturn ?? null
      target.initialTransmissionSystemDemandOutturn =
        demand.initialTransmissionSystemDemandOutturn ?? null
    }
    return {
      title: `Demand on ${date}`,
      caption: `Initial national demand outturn (INDO) and initial transmission system demand outturn (ITSDO), in MW, for each of the ${periodsInDay(date)} settlement periods of ${date}.`,
      x: { key: 'settlementPeriod', label: 'Settlement period' },
      axes: [{ name: 'Demand', unit: 'MW' }],
      series: [
        {
          key: 'initialDemandOutturn',
          label: 'National demand (INDO)',
          kind: 'line' as const,
          axis: 0,
          color: '#1d4ed8',
        },
        {
          key: 'initialTransmissionSystemDemandOutturn',
          label: 'Transmission system demand (ITSDO)',
          kind: 'line' as const,
          axis: 0,
          color: '#b54708',
        },
      ],
      columns: [
        ...PERIOD_COLUMNS,
        { key: 'initialDemandOutturn', label: 'INDO', unit: 'MW' },
        { key: 'initialTransmissionSystemDemandOutturn', label: 'ITSDO', unit: 'MW' },
      ],
      rows: stored.length > 0 ? rows : [],
      empty: stored.length > 0 ? null : `No demand outturn (INDO) for ${date} yet.`,
      api: [
        {
          label: `Demand outturn for ${date}`,
          url: withQuery('/bmrs/api/v1/demand/outturn', {
            settlementDateFrom: date,
            settlementDateTo: date,
          }),
        },
      ],
      datasets: ['INDO'],
    }
  },
})
