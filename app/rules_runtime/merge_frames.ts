import type { Column, ColumnFrame } from './stage.js'
import { canonicalHash, type Encodable } from './columnar_codec.js'

/**
 * Joins the frames that period-range tasks computed into whole-day frames.
 * Ranges arrive in period order. A frame is split by period when it is a
 * period-axis frame, an entity × period frame (period-major, so ranges simply
 * concatenate) or an item frame with `periodOffsets`; any other frame is
 * day-level and every range must have produced exactly the same one.
 */
export function isPeriodSplit(frame: ColumnFrame): boolean {
  return frame.axis === 'period' || frame.perPeriod || frame.periodOffsets !== undefined
}

type Allocator = (byteLength: number) => ArrayBufferLike

const allocators: Record<'local' | 'shared', Allocator> = {
  local: (bytes) => new ArrayBuffer(bytes),
  shared: (bytes) => new SharedArrayBuffer(bytes),
}

function concatColumns(parts: Column[], allocate: Allocator): Column {
  const Type = parts[0].constructor as new (buffer: ArrayBufferLike) => Column
  const length = parts.reduce((sum, part) => sum + part.length, 0)
  const merged = new Type(allocate(length * parts[0].BYTES_PER_ELEMENT))
  let at = 0
  for (const part of parts) {
    ;(merged as Float64Array).set(part as Float64Array, at)
    at += part.length
  }
  return merged
}

function concatOffsets(parts: Int32Array[], allocate: Allocator): Int32Array {
  const length = parts.reduce((sum, part) => sum + part.length - 1, 0) + 1
  const merged = new Int32Array(allocate(length * 4))
  let at = 0
  let base = 0
  for (const part of parts) {
    for (let i = 0; i < part.length - 1; i++) merged[at++] = base + part[i]
    base += part[part.length - 1]
  }
  merged[at] = base
  return merged
}

function describeColumns(frame: ColumnFrame): string {
  const columns = Object.entries(frame.columns).map(([name, c]) => `${name}:${c.constructor.name}`)
  const labels = Object.keys(frame.labels ?? {})
  return `${frame.axis}/${frame.perPeriod}/${columns.sort()}/${labels.sort()}`
}

function mergeOne(name: string, parts: ColumnFrame[], allocate: Allocator): ColumnFrame {
  const [first] = parts
  const shape = describeColumns(first)
  for (const part of parts) {
    if (describeColumns(part) !== shape) {
      throw new Error(`frame "${name}" has different columns in different period ranges`)
    }
  }
  if (!isPeriodSplit(first)) {
    const hash = canonicalHash(first as unknown as Encodable)
    if (parts.some((part) => canonicalHash(part as unknown as Encodable) !== hash)) {
      throw new Error(`day-level frame "${name}" differs between period ranges`)
    }
    return first
  }
  const merged: ColumnFrame = { axis: first.axis, perPeriod: first.perPeriod, columns: {} }
  if (first.periodOffsets) {
    merged.periodOffsets = concatOffsets(
      parts.map((part) => part.periodOffsets!),
      allocate
    )
  }
  for (const column of Object.keys(first.columns)) {
    merged.columns[column] = concatColumns(
      parts.map((part) => part.columns[column]),
      allocate
    )
  }
  if (first.labels) {
    merged.labels = {}
    for (const label of Object.keys(first.labels)) {
      merged.labels[label] = parts.flatMap((part) => part.labels![label])
    }
  }
  return merged
}

/**
 * @param ranges the frames of each period-range task, in period order
 * @param shared allocate merged columns on SharedArrayBuffers (read by the day task in a worker)
 */
export function mergePeriodFrames(
  ranges: Record<string, ColumnFrame>[],
  options: { shared?: boolean } = {}
): Record<string, ColumnFrame> {
  if (ranges.length === 0) return {}
  const allocate = allocators[options.shared ? 'shared' : 'local']
  const names = Object.keys(ranges[0]).sort()
  for (const range of ranges) {
    const other = Object.keys(range).sort()
    if (other.join('\n') !== names.join('\n')) {
      throw new Error(`period ranges produced different frames: [${names}] vs [${other}]`)
    }
  }
  const merged: Record<string, ColumnFrame> = {}
  for (const name of names) {
    merged[name] = mergeOne(
      name,
      ranges.map((range) => range[name]),
      allocate
    )
  }
  return merged
}
