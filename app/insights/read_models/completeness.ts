/**
 * Completeness per dataset-day: how many of the day's time slots hold data
 * (settlement periods, or 5-minute instants for FUELINST), counted on the
 * day's own length (46/48/50 periods), and which periods fall short.
 */
import db from '@adonisjs/lucid/services/db'
import { datesBetween, periodsInDay, type PeriodMinutes } from '#core/calendar/index'
import type { DatasetDefinition } from '#insights/datasets/definition'
import { selectRuns } from '#insights/runs/run_selection'

export interface DayCompleteness {
  dataset: string
  settlementDate: string
  periodsInDay: number
  expectedSlots: number | null
  presentSlots: number
  missingPeriods: number[] | null
  complete: boolean | null
  rowCount: number
  runType: string | null
  version: number | null
  lastUpdated: string | null
}

export async function completeness(
  definition: DatasetDefinition,
  from: string,
  to: string,
  runType?: string
): Promise<DayCompleteness[]> {
  const dates = datesBetween(from, to)
  const { family, periodMinutes, intervalMinutes } = definition.time
  const runs =
    definition.source.kind === 'settlement' ? await selectRuns(dates, runType) : undefined
  const counts = await db
    .from('insights_rows')
    .where('dataset', definition.code)
    .whereBetween('settlement_date', [from, to])
    .if(runs, (q) =>
      q.where((w) => {
        w.whereRaw('1 = 0')
        for (const [date, run] of runs!)
          w.orWhere((x) => x.where('settlement_date', date).where('run_id', run.id))
      })
    )
    .if(!runs, (q) => q.where('run_id', 0))
    .groupBy('settlement_date', 'settlement_period')
    .select('settlement_date', 'settlement_period')
    .countDistinct('start_time as slots')
    .count('* as rows')
  const versions = await db
    .from('insights_dataset_days')
    .where('dataset', definition.code)
    .whereBetween('day', [from, to])
  const perPeriod = family === 'instant' ? periodMinutes / intervalMinutes! : 1

  return dates.map((date) => {
    const periods = periodsInDay(date, periodMinutes as PeriodMinutes)
    const slotsByPeriod = new Map<number, number>()
    let rowCount = 0
    for (const row of counts.filter((c) => c.settlement_date === date)) {
      slotsByPeriod.set(Number(row.settlement_period), family === 'instant' ? Number(row.slots) : 1)
      rowCount += Number(row.rows)
    }
    const measurable = family === 'instant' || family === 'settlementPeriod'
    const missing = measurable
      ? Array.from({ length: periods }, (_, i) => i + 1).filter(
          (p) => (slotsByPeriod.get(p) ?? 0) < perPeriod
        )
      : null
    const day = versions.find((v) => v.day === date)
    return {
      dataset: definition.code,
      settlementDate: date,
      periodsInDay: periods,
      expectedSlots: measurable ? periods * perPeriod : null,
      presentSlots: [...slotsByPeriod.values()].reduce((sum, n) => sum + n, 0),
      missingPeriods: missing,
      complete: missing ? missing.length === 0 : null,
      rowCount,
      runType: runs?.get(date)?.runType ?? (runs?.get(date) ? 'imported' : null),
      version: day ? Number(day.version) : null,
      lastUpdated: day?.updated_at ?? null,
    }
  })
}
