import type { HttpContext } from '@adonisjs/core/http'
import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import { periodAt, periodStartUtc, toUtcIso } from '#core/calendar/index'
import { findDataset } from '#insights/datasets/registry'
import { formatInstant } from '#insights/datasets/instants'
import { renderRows } from '#insights/api/formats'
import { Params, checkInstantRange } from '#insights/api/params'
import { sendCached } from '#insights/api/respond'
import { dayVersions } from '#insights/api/data_versions'

/**
 * /generation/outturn/summary: FUELINST down-sampled to settlement periods
 * (the mean of each fuel type's 5-minute values, whole MW) for charts.
 * Without a range: the 24 hours up to the latest data held.
 */
export default class GenerationController {
  async summary(ctx: HttpContext) {
    const params = new Params(ctx.request.qs())
    let start = params.instant('startTime')
    let end = params.instant('endTime')
    const includeNegative = params.boolean('includeNegativeGeneration', false)
    const format = params.format(['json', 'xml'])
    const maxDays = findDataset('FUELINST')!.api.maxRangeDays
    if (start && end) checkInstantRange(params, 'startTime', start, 'endTime', end, maxDays)
    params.done()
    if (!end) {
      const latest = await db
        .from('insights_rows')
        .where({ dataset: 'FUELINST', run_id: 0 })
        .max('start_time as at')
        .first()
      end = latest?.at ? DateTime.fromISO(latest.at, { zone: 'utc' }) : DateTime.utc()
    }
    start ??= end!.minus({ hours: 24 })
    const from = formatInstant(start)
    const to = formatInstant(end!)
    const days = { from: periodAt(start).settlementDate, to: periodAt(end!).settlementDate }
    const key = JSON.stringify(['generation/summary', from, to, includeNegative, format])
    await sendCached(ctx, key, await dayVersions(['FUELINST'], days.from, days.to), async () => {
      const rows = await db
        .from('insights_rows')
        .where({ dataset: 'FUELINST', run_id: 0 })
        .whereBetween('start_time', [from, to])
        .groupBy('settlement_date', 'settlement_period', 'entity')
        .orderBy('settlement_date')
        .orderBy('settlement_period')
        .orderBy('entity')
        .select('settlement_date', 'settlement_period', 'entity')
        .avg('value as generation')
      const periods: {
        startTime: string
        settlementPeriod: number
        data: { fuelType: string; generation: number }[]
      }[] = []
      for (const row of rows) {
        const startTime = toUtcIso(periodStartUtc(row.settlement_date, row.settlement_period))
        if (periods.at(-1)?.startTime !== startTime)
          periods.push({ startTime, settlementPeriod: row.settlement_period, data: [] })
        const generation = Math.round(Number(row.generation))
        periods.at(-1)!.data.push({
          fuelType: row.entity,
          generation: includeNegative ? generation : Math.max(0, generation),
        })
      }
      return renderRows(periods, { kind: 'array' }, format, [])
    })
  }
}
