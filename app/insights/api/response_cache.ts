/**
 * Serialised responses kept per canonical request and keyed by the data
 * versions of the dataset-days they cover: a write bumps a day's version (in
 * any process), so a stale body is never served and no invalidation is needed.
 */
import db from '@adonisjs/lucid/services/db'
import type { Body } from './formats.js'

const MAX_ENTRIES = 500
const MAX_BYTES = 256 * 1024 * 1024

interface Entry {
  version: string
  body: Body
}

const entries = new Map<string, Entry>()
/** Bodies being made: concurrent misses for the same data wait for one query, not one each. */
const making = new Map<string, Promise<Body>>()
let bytes = 0

function evict(key: string) {
  const entry = entries.get(key)
  if (!entry) return
  bytes -= entry.body.body.length
  entries.delete(key)
}

/** The versions of a dataset's days from `from` to `to` ('*' for reference data), as one string. */
export async function dayVersions(datasets: string[], from: string, to: string): Promise<string> {
  const rows = await db
    .from('insights_dataset_days')
    .whereIn('dataset', datasets)
    .where('day', '>=', from)
    .where('day', '<=', to)
    .orderBy('dataset')
    .orderBy('day')
    .select('dataset', 'day', 'version')
  return rows.map((row) => `${row.dataset}${row.day}:${row.version}`).join(',')
}

/** A value that changes whenever any day of these datasets changes (versions only ever grow). */
export async function datasetVersion(datasets: string[]): Promise<string> {
  const row = await db
    .from('insights_dataset_days')
    .whereIn('dataset', datasets)
    .sum('version as total')
    .count('* as days')
    .first()
  return `${row?.total ?? 0}/${row?.days ?? 0}`
}

export async function cachedBody(
  key: string,
  version: string,
  produce: () => Promise<Body>
): Promise<Body> {
  const hit = entries.get(key)
  if (hit && hit.version === version) {
    // Re-insert: Map order doubles as least-recently-used order.
    entries.delete(key)
    entries.set(key, hit)
    return hit.body
  }
  const pendingKey = `${version}\u0000${key}`
  const pending = making.get(pendingKey)
  if (pending) return pending
  const made = produce()
  making.set(pendingKey, made)
  let body: Body
  try {
    body = await made
  } finally {
    making.delete(pendingKey)
  }
  evict(key)
  entries.set(key, { version, body })
  bytes += body.body.length
  for (const oldest of entries.keys()) {
    if (entries.size <= MAX_ENTRIES && bytes <= MAX_BYTES) break
    evict(oldest)
  }
  return body
}
