/**
 * Reads stored rows for the API: filters on the indexed columns only, rows
 * ordered by start time then storage order, and seek pagination (a cursor is
 * the last row's start time and id).
 */
import db from '@adonisjs/lucid/services/db'
import type { DatabaseQueryBuilderContract } from '@adonisjs/lucid/types/querybuilder'

/** A range end given as an instant (on start_time) or as a settlement date and period. */
export type Bound = { kind: 'time'; at: string } | { kind: 'period'; date: string; period: number }

export interface RowQuery {
  dataset: string
  /** Run-versioned datasets: the run chosen for each date. Others: run 0. */
  runs?: Map<string, number>
  dateFrom?: string
  dateTo?: string
  periods?: number[]
  lower?: Bound
  upper?: Bound
  publishFrom?: string
  publishTo?: string
  entities?: string[]
  side?: string
  after?: { startTime: string; id: number }
  limit?: number
}

export interface RowPage {
  payloads: string[]
  next?: string
}

export function encodeCursor(startTime: string | null, id: number): string {
  return Buffer.from(`${startTime ?? ''}|${id}`).toString('base64url')
}

export function decodeCursor(cursor: string): { startTime: string; id: number } | undefined {
  const [startTime, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|')
  if (
    id === undefined ||
    !/^\d+$/.test(id) ||
    (startTime !== '' && !/^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/.test(startTime))
  ) {
    return undefined
  }
  return { startTime, id: Number(id) }
}

function applyBound(q: DatabaseQueryBuilderContract, bound: Bound, side: 'lower' | 'upper') {
  const op = side === 'lower' ? '>' : '<'
  if (bound.kind === 'time') {
    q.where('start_time', `${op}=`, bound.at)
    return
  }
  q.where((w) =>
    w
      .where('settlement_date', op, bound.date)
      .orWhere((x) =>
        x.where('settlement_date', bound.date).where('settlement_period', `${op}=`, bound.period)
      )
  )
}

function applyRuns(q: DatabaseQueryBuilderContract, runs: Map<string, number> | undefined) {
  if (!runs) {
    q.where('run_id', 0)
    return
  }
  if (runs.size === 0) {
    q.whereRaw('1 = 0')
    return
  }
  q.where((w) => {
    for (const [date, runId] of runs)
      w.orWhere((x) => x.where('settlement_date', date).where('run_id', runId))
  })
}

export async function fetchRows(query: RowQuery): Promise<RowPage> {
  const q = db.from('insights_rows').where('dataset', query.dataset)
  applyRuns(q, query.runs)
  if (query.dateFrom) q.where('settlement_date', '>=', query.dateFrom)
  if (query.dateTo) q.where('settlement_date', '<=', query.dateTo)
  if (query.periods?.length) q.whereIn('settlement_period', query.periods)
  if (query.lower) applyBound(q, query.lower, 'lower')
  if (query.upper) applyBound(q, query.upper, 'upper')
  if (query.publishFrom) q.where('publish_time', '>=', query.publishFrom)
  if (query.publishTo) q.where('publish_time', '<=', query.publishTo)
  if (query.entities?.length) q.whereIn('entity', query.entities)
  if (query.side) q.where('side', query.side)
  if (query.after) {
    const { startTime, id } = query.after
    q.where((w) =>
      w
        .whereRaw("coalesce(start_time, '') > ?", [startTime])
        .orWhere((x) =>
          x.whereRaw("coalesce(start_time, '') = ?", [startTime]).where('id', '>', id)
        )
    )
  }
  q.orderBy('start_time', 'asc').orderBy('id', 'asc').select('id', 'start_time', 'payload')
  if (query.limit) q.limit(query.limit + 1)
  const rows = await q
  const more = query.limit !== undefined && rows.length > query.limit
  const page = more ? rows.slice(0, query.limit) : rows
  const last = page.at(-1)
  return {
    payloads: page.map((row) => row.payload),
    next: more && last ? encodeCursor(last.start_time, Number(last.id)) : undefined,
  }
}
