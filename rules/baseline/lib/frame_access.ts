/**
 * Typed access to the frames of earlier stages and to per-period slices of the inputs, with errors
 * that say which frame or column a stage expected (a Modification that replaces a stage must keep
 * writing what later stages read).
 */
import type { ColumnFrame, PeriodRange, StageContext } from '../../../app/rules_runtime/stage.js'

export function frameOf(ctx: StageContext, name: string): ColumnFrame {
  const frame = ctx.frames[name]
  if (!frame) throw new Error(`frame "${name}" is missing: the stage that writes it must run first`)
  return frame
}

export function numbers(frame: ColumnFrame, name: string): Float64Array {
  const column = frame.columns[name]
  if (!(column instanceof Float64Array))
    throw new Error(`frame column "${name}" must be a Float64Array`)
  return column
}

export function indices(frame: ColumnFrame, name: string): Int32Array {
  const column = frame.columns[name]
  if (!(column instanceof Int32Array))
    throw new Error(`frame column "${name}" must be an Int32Array`)
  return column
}

export function flags(frame: ColumnFrame, name: string): Uint8Array {
  const column = frame.columns[name]
  if (!(column instanceof Uint8Array))
    throw new Error(`frame column "${name}" must be a Uint8Array`)
  return column
}

export function offsetsOf(frame: ColumnFrame, range: PeriodRange): Int32Array {
  const offsets = frame.periodOffsets
  if (!offsets || offsets.length !== rangeLength(range) + 1) {
    throw new Error(`item frame needs periodOffsets of length ${rangeLength(range) + 1}`)
  }
  return offsets
}

export function rangeLength(range: PeriodRange): number {
  return range.last - range.first + 1
}

/** First index in `periods` (ascending 1-based period numbers) holding period `period` or later. */
export function lowerBound(periods: Int32Array, period: number): number {
  let lo = 0
  let hi = periods.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (periods[mid] < period) lo = mid + 1
    else hi = mid
  }
  return lo
}
