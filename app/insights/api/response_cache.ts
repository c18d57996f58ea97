/**
 * Serialised responses kept per canonical request and keyed by the data
 * versions of the dataset-days they cover (data_versions.ts): a write bumps a
 * day's version (in any process), so a stale body is never served and no
 * invalidation is needed.
 */
import { createHash } from 'node:crypto'
import type { Body } from './formats.js'

const MAX_ENTRIES = 500
const MAX_BYTES = 256 * 1024 * 1024

/** A cached body with its strong validator and its compressed forms, made on first demand. */
export interface CachedBody {
  body: Body
  /** Digest of the bytes: the same bytes always get the same ETag, also after a restart. */
  etag: string
  encoded: Map<string, Promise<Buffer>>
}

interface Entry {
  version: string
  cached: CachedBody
}

const entries = new Map<string, Entry>()
/** Bodies being made: concurrent misses for the same data wait for one query, not one each. */
const making = new Map<string, Promise<CachedBody>>()
let bytes = 0

function evict(key: string) {
  const entry = entries.get(key)
  if (!entry) return
  bytes -= entry.cached.body.body.length
  entries.delete(key)
}

async function make(produce: () => Promise<Body>): Promise<CachedBody> {
  const body = await produce()
  const etag = createHash('sha1').update(body.body).digest('base64url')
  return { body, etag, encoded: new Map() }
}

export async function cachedBody(
  key: string,
  version: string,
  produce: () => Promise<Body>
): Promise<CachedBody> {
  const hit = entries.get(key)
  if (hit && hit.version === version) {
    // Re-insert: Map order doubles as least-recently-used order.
    entries.delete(key)
    entries.set(key, hit)
    return hit.cached
  }
  const pendingKey = `${version}\u0000${key}`
  const pending = making.get(pendingKey)
  if (pending) return pending
  const made = make(produce)
  making.set(pendingKey, made)
  let cached: CachedBody
  try {
    cached = await made
  } finally {
    making.delete(pendingKey)
  }
  evict(key)
  entries.set(key, { version, cached })
  bytes += cached.body.body.length
  for (const oldest of entries.keys()) {
    if (entries.size <= MAX_ENTRIES && bytes <= MAX_BYTES) break
    evict(oldest)
  }
  return cached
}
