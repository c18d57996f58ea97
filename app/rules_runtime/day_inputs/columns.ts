/**
 * Column helpers of the day-inputs build: counting sorts into CSR groups,
 * typed-column gathers and the shared record checks. Every order is explicit,
 * so the same records always give the same frames.
 */
import type { IdxArray } from '../frames.js'

export type Fail = (where: string, message: string) => void

/** Counting sort of record indices by owner key (−1 = skipped), then `within` each owner. */
export function groupBy(
  keys: Int32Array,
  owners: number,
  within: (a: number, b: number) => number
) {
  const offsets = new Int32Array(owners + 1)
  for (const key of keys) if (key >= 0) offsets[key + 1]++
  for (let o = 0; o < owners; o++) offsets[o + 1] += offsets[o]
  const order = new Int32Array(offsets[owners])
  const fill = offsets.slice(0, owners)
  for (let r = 0; r < keys.length; r++) if (keys[r] >= 0) order[fill[keys[r]]++] = r
  const compare = (a: number, b: number) => within(a, b) || a - b
  for (let o = 0; o < owners; o++) {
    const from = offsets[o]
    const to = offsets[o + 1]
    if (to - from > 16) order.subarray(from, to).sort(compare)
    else {
      // groups are small (a unit's segments in one period): insertion sort, no allocation
      for (let i = from + 1; i < to; i++) {
        const r = order[i]
        let j = i - 1
        while (j >= from && compare(order[j], r) > 0) {
          order[j + 1] = order[j]
          j--
        }
        order[j + 1] = r
      }
    }
  }
  return { offsets, order }
}

/** A typed column of the values `get` picks for each record index in `order`. */
export function gather<T extends Float64Array | Int32Array | Uint8Array>(
  Type: new (length: number) => T,
  order: ArrayLike<number>,
  get: (r: number) => number
): T {
  const column = new Type(order.length)
  for (let i = 0; i < order.length; i++) column[i] = get(order[i])
  return column
}

/** Reports each record equal (by `same`) to the one before it in its group. */
export function dupes(
  grouped: { offsets: IdxArray; order: Int32Array },
  same: (a: number, b: number) => boolean,
  report: (r: number) => void
) {
  for (let o = 0; o + 1 < grouped.offsets.length; o++) {
    for (let k = grouped.offsets[o] + 1; k < grouped.offsets[o + 1]; k++) {
      if (same(grouped.order[k - 1], grouped.order[k])) report(grouped.order[k])
    }
  }
}

/** Segment columns in `order` (one pass; the hottest copy of a GB day). */
export function segmentColumns(
  rows: { levelFrom: number; levelTo: number }[],
  order: Int32Array,
  times: Float64Array
) {
  const n = order.length
  const columns = {
    timeFrom: new Float64Array(n),
    levelFrom: new Float64Array(n),
    timeTo: new Float64Array(n),
    levelTo: new Float64Array(n),
  }
  for (let i = 0; i < n; i++) {
    const r = order[i]
    columns.timeFrom[i] = times[2 * r]
    columns.levelFrom[i] = rows[r].levelFrom
    columns.timeTo[i] = times[2 * r + 1]
    columns.levelTo[i] = rows[r].levelTo
  }
  return columns
}

export function indexBy<T>(
  rows: T[],
  id: (row: T) => string,
  dataset: string,
  fail: Fail
): Map<string, number> {
  const index = new Map<string, number>()
  rows.forEach((row, i) => {
    const key = id(row)
    if (typeof key !== 'string' || !key) fail(`${dataset}[${i}]`, 'id must be a non-empty string')
    else if (index.has(key)) fail(`${dataset}[${i}]`, `duplicate id ${key}`)
    else index.set(key, i)
  })
  return index
}

export function lookup(
  index: Map<string, number>,
  id: string,
  where: string,
  field: string,
  fail: Fail
): number {
  const found = index.get(id)
  if (found === undefined) fail(where, `${field} ${JSON.stringify(id)} is not known`)
  return found ?? -1
}

export function finite(value: number, where: string, field: string, fail: Fail): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    fail(where, `${field} must be a finite number, got ${String(value)}`)
    return Number.NaN
  }
  return value
}

/** Code-unit order: the same on every machine and locale. */
export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
