/**
 * Read models for the website's charts, aggregated in SQL on the indexed
 * columns: generation mix per day, system price and NIV per period, and one
 * BM Unit's accepted volumes and cashflows per period.
 */
import db from '@adonisjs/lucid/services/db'
import { datesBetween } from '#core/calendar/index'
import { findDataset } from '#insights/datasets/registry'
import { selectRuns } from '#insights/runs/run_selection'

/** Energy by fuel type per settlement day (MWh = Σ half-hourly MW × period length), with shares of the day's total. */
export async function generationMix(from: string, to: string) {
  const hours = findDataset('FUELHH')!.time.periodMinutes / 60
  const rows = await db
    .from('insights_rows')
    .where({ dataset: 'FUELHH', run_id: 0 })
    .whereBetween('settlement_date', [from, to])
    .groupBy('settlement_date', 'entity')
    .orderBy('settlement_date')
    .orderBy('entity')
    .select('settlement_date', 'entity')
    .sum('value as mw')
    .count('* as periods')
  const dayTotals = new Map<string, number>()
  for (const row of rows)
    dayTotals.set(row.settlement_date, (dayTotals.get(row.settlement_date) ?? 0) + Number(row.mw))
  return rows.map((row) => {
    const total = dayTotals.get(row.settlement_date)!
    return {
      settlementDate: row.settlement_date,
      fuelType: row.entity,
      energyMwh: Math.round(Number(row.mw) * hours * 1000) / 1000,
      share: total === 0 ? 0 : Math.round((Number(row.mw) / total) * 1e6) / 1e6,
      periods: Number(row.periods),
    }
  })
}

async function runIds(from: string, to: string, runType?: string) {
  const runs = await selectRuns(datesBetween(from, to), runType)
  return [...runs.values()]
}

/** System sell/buy price and net imbalance volume per period, from the run answering for each day. */
export async function systemPriceSeries(from: string, to: string, runType?: string) {
  const runs = await runIds(from, to, runType)
  if (runs.length === 0) return []
  const rows = await db
    .from('insights_rows')
    .where('dataset', 'DISEBSP')
    .where((w) => {
      for (const run of runs)
        w.orWhere((x) => x.where({ settlement_date: run.settlementDate, run_id: run.id }))
    })
    .orderBy('start_time')
    .select('payload')
  return rows.map((row) => {
    const price = JSON.parse(row.payload)
    return {
      settlementDate: price.settlementDate,
      settlementPeriod: price.settlementPeriod,
      startTime: price.startTime,
      systemSellPrice: price.systemSellPrice ?? null,
      systemBuyPrice: price.systemBuyPrice ?? null,
      netImbalanceVolume: price.netImbalanceVolume ?? null,
    }
  })
}

/** One BM Unit's accepted volume (BOAV) and indicative cashflow (EBOCF) per period and side. */
export async function bmUnitSeries(bmUnit: string, from: string, to: string, runType?: string) {
  const runs = await runIds(from, to, runType)
  if (runs.length === 0) return []
  const rows = await db
    .from('insights_rows')
    .whereIn('dataset', ['BOAV', 'EBOCF'])
    .where('entity', bmUnit)
    .where((w) => {
      for (const run of runs)
        w.orWhere((x) => x.where({ settlement_date: run.settlementDate, run_id: run.id }))
    })
    .groupBy('settlement_date', 'settlement_period', 'start_time', 'dataset', 'side')
    .orderBy('start_time')
    .select('settlement_date', 'settlement_period', 'start_time', 'dataset', 'side')
    .sum('value as total')
  const byPeriod = new Map<string, Record<string, unknown>>()
  for (const row of rows) {
    const point = byPeriod.get(row.start_time) ?? {
      settlementDate: row.settlement_date,
      settlementPeriod: Number(row.settlement_period),
      startTime: row.start_time,
      offerVolume: 0,
      bidVolume: 0,
      cashflow: 0,
    }
    const total = Number(row.total)
    if (row.dataset === 'EBOCF') point.cashflow = (point.cashflow as number) + total
    else point[row.side === 'bid' ? 'bidVolume' : 'offerVolume'] = total
    byPeriod.set(row.start_time, point)
  }
  return [...byPeriod.values()]
}
