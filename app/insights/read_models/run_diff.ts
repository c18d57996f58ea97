/**
 * What changed for a settlement date between the latest run of one type and
 * the latest of another (e.g. SF → R1): rows matched on the definition's diff
 * key, each diff value compared, with totals and the largest movers.
 */
import db from '@adonisjs/lucid/services/db'
import type { DatasetDefinition } from '#insights/datasets/definition'
import type { RunRef } from '#insights/runs/run_selection'

export interface ValueChange {
  from: number | null
  to: number | null
  delta: number | null
}

export interface RowDiff {
  key: Record<string, unknown>
  status: 'changed' | 'added' | 'removed'
  changes: Record<string, ValueChange>
}

const TOP_MOVERS = 10

async function rowsOf(definition: DatasetDefinition, run: RunRef) {
  const rows = await db
    .from('insights_rows')
    .where({ dataset: definition.code, run_id: run.id, settlement_date: run.settlementDate })
    .orderBy('id')
    .select('side', 'payload')
  const byKey = new Map<string, { key: Record<string, unknown>; values: Record<string, any> }>()
  for (const row of rows) {
    const values = JSON.parse(row.payload)
    const key: Record<string, unknown> = row.side ? { side: row.side } : {}
    for (const name of definition.diff!.key) key[name] = values[name]
    byKey.set(JSON.stringify(key), { key, values })
  }
  return byKey
}

function change(from: unknown, to: unknown): ValueChange {
  const a = typeof from === 'number' ? from : null
  const b = typeof to === 'number' ? to : null
  // Published precision is at most 5 dp: round the delta so float noise is not a change.
  const delta = a !== null && b !== null ? Math.round((b - a) * 1e5) / 1e5 : null
  return { from: a, to: b, delta }
}

export async function diffRuns(definition: DatasetDefinition, fromRun: RunRef, toRun: RunRef) {
  const [before, after] = await Promise.all([
    rowsOf(definition, fromRun),
    rowsOf(definition, toRun),
  ])
  const fields = definition.diff!.values
  const rows: RowDiff[] = []
  const totals: Record<string, ValueChange> = {}
  for (const field of fields) totals[field] = { from: 0, to: 0, delta: 0 }
  for (const id of new Set([...before.keys(), ...after.keys()])) {
    const a = before.get(id)
    const b = after.get(id)
    const changes: Record<string, ValueChange> = {}
    for (const field of fields) {
      const c = change(a?.values[field], b?.values[field])
      totals[field].from! += c.from ?? 0
      totals[field].to! += c.to ?? 0
      if (c.from !== c.to) changes[field] = c
    }
    if (!a || !b || Object.keys(changes).length > 0) {
      rows.push({ key: (a ?? b)!.key, status: !a ? 'added' : !b ? 'removed' : 'changed', changes })
    }
  }
  for (const total of Object.values(totals))
    total.delta = Math.round((total.to! - total.from!) * 1e5) / 1e5
  const first = fields[0]
  const size = (row: RowDiff) =>
    Math.abs(row.changes[first]?.delta ?? row.changes[first]?.to ?? row.changes[first]?.from ?? 0)
  const topMovers = [...rows].sort((x, y) => size(y) - size(x)).slice(0, TOP_MOVERS)
  return {
    rowsCompared: new Set([...before.keys(), ...after.keys()]).size,
    changed: rows.length,
    totals,
    topMovers,
    rows,
  }
}
