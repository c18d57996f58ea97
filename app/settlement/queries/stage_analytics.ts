import db from '@adonisjs/lucid/services/db'
import type { RunType } from '#settlement/runs/run_types'

/**
 * Stage analytics across runs (issue 3 §7): per stage, its timing, what it
 * processed and its data-quality indicators, as a series by settlement date
 * and run type — the portal charts the trends.
 */
export interface StageSeriesFilter {
  from: string
  to: string
  runType?: RunType
  stageId?: string
  /** keep only the latest run of each date and run type (default true) */
  latestOnly?: boolean
}

export interface StageSeriesPoint {
  settlementDate: string
  runType: RunType
  runNumber: number
  runId: number
  stageId: string
  origin: string
  status: string
  ms: number | null
  processed: Record<string, number>
  indicators: Record<string, number>
}

export async function stageSeries(filter: StageSeriesFilter): Promise<StageSeriesPoint[]> {
  const query = db
    .from('settlement_run_stages as s')
    .join('settlement_runs as r', 'r.id', 's.run_id')
    .whereNull('r.sandbox_id')
    .where('r.status', 'succeeded')
    .whereBetween('r.settlement_date', [filter.from, filter.to])
    .select(
      'r.settlement_date',
      'r.run_type',
      'r.run_number',
      'r.id as run_id',
      's.stage_id',
      's.origin',
      's.status',
      's.ms',
      's.processed',
      's.indicators'
    )
    .orderBy('r.settlement_date')
    .orderBy('r.run_type')
    .orderBy('r.run_number')
    .orderBy('s.position')
  if (filter.runType) query.where('r.run_type', filter.runType)
  if (filter.stageId) query.where('s.stage_id', filter.stageId)
  const rows = await query
  let points: StageSeriesPoint[] = rows.map((row) => ({
    settlementDate: row.settlement_date,
    runType: row.run_type,
    runNumber: Number(row.run_number),
    runId: Number(row.run_id),
    stageId: row.stage_id,
    origin: row.origin,
    status: row.status,
    ms: row.ms === null ? null : Number(row.ms),
    processed: JSON.parse(row.processed ?? '{}'),
    indicators: JSON.parse(row.indicators ?? '{}'),
  }))
  if (filter.latestOnly ?? true) {
    const latest = new Map<string, number>()
    for (const point of points) {
      const key = `${point.settlementDate}/${point.runType}`
      latest.set(key, Math.max(latest.get(key) ?? 0, point.runNumber))
    }
    points = points.filter(
      (point) => latest.get(`${point.settlementDate}/${point.runType}`) === point.runNumber
    )
  }
  return points
}
