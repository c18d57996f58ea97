import type { DayInputs } from './frames.js'
import {
  compress,
  decompressAndDecode,
  encodeChunks,
  sha256OfChunks,
  type Encodable,
} from './columnar_codec.js'

/**
 * A frozen, content-addressed copy of everything a run reads (ARCHITECTURE.md
 * §4.1): the columnar DayInputs in canonical encoding. The hash identifies the
 * inputs exactly (same inputs ⇒ same hash, whatever order rows were loaded in
 * the database), and the compressed bytes let a run be replayed later.
 */
export interface InputSnapshot {
  hash: string
  /** canonical encoding chunks (not copied; compress only when storing) */
  chunks: Uint8Array[]
  byteLength: number
}

export function freezeInputs(inputs: DayInputs): InputSnapshot {
  const chunks = encodeChunks(inputs as unknown as Encodable)
  return {
    hash: sha256OfChunks(chunks),
    chunks,
    byteLength: chunks.reduce((sum, chunk) => sum + chunk.byteLength, 0),
  }
}

export function compressSnapshot(snapshot: InputSnapshot): Promise<Buffer> {
  return compress(snapshot.chunks)
}

/**
 * Inputs back from a stored snapshot. With `shared`, every numeric column
 * lives on a SharedArrayBuffer, ready for the worker pool.
 */
export function thawInputs(blob: Uint8Array, options: { shared?: boolean } = {}): DayInputs {
  return decompressAndDecode<DayInputs>(blob, options)
}

/** A copy of the inputs with every typed array on a SharedArrayBuffer (one copy per run, read by every worker). */
export function shareInputs<T>(value: T): T {
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
    if (value.buffer instanceof SharedArrayBuffer) return value
    const Type = value.constructor as new (buffer: SharedArrayBuffer) => typeof value
    const shared = new Type(new SharedArrayBuffer(value.byteLength))
    ;(shared as unknown as Uint8Array).set(value as unknown as Uint8Array)
    return shared
  }
  if (Array.isArray(value)) return value
  if (value && typeof value === 'object') {
    const copy: Record<string, unknown> = {}
    for (const [key, item] of Object.entries(value)) copy[key] = shareInputs(item)
    return copy as T
  }
  return value
}
