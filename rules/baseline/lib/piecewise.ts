/**
 * Exact integration of piecewise-linear MW profiles (domain/settlement.md S1–S3, §4.8.13).
 *
 * A profile is a list of points (time ascending, UTC ms; two points at one time make a step),
 * linear between points and flat beyond its first and last point. Callers cut time into pieces
 * whose interiors hold no point of any profile involved, so on a piece every profile is one
 * straight line given by its two end values. Areas are in MW·ms (exact for whole-minute times and
 * the usual levels); divide by MS_PER_HOUR for MWh.
 */
import type { SegmentColumns } from '../../../app/rules_runtime/frames.js'

export const MS_PER_HOUR = 3_600_000

/**
 * Writes the values of the profile at `ta` (limit from the right) and `tb` (limit from the left)
 * into out[at], out[at + 1]. [from, to) are the profile's point indices; no point lies inside (ta, tb).
 */
export function profileEnds(
  time: Float64Array,
  level: Float64Array,
  from: number,
  to: number,
  ta: number,
  tb: number,
  out: Float64Array,
  at: number
): void {
  if (to <= from) {
    out[at] = 0
    out[at + 1] = 0
    return
  }
  if (tb <= time[from]) {
    out[at] = out[at + 1] = level[from]
    return
  }
  if (ta >= time[to - 1]) {
    out[at] = out[at + 1] = level[to - 1]
    return
  }
  // s = last point with time <= ta; its successor is strictly later and at or after tb.
  let lo = from
  let hi = to - 1
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if (time[mid] <= ta) lo = mid
    else hi = mid - 1
  }
  const t0 = time[lo]
  const t1 = time[lo + 1]
  const v0 = level[lo]
  const slope = (level[lo + 1] - v0) / (t1 - t0)
  out[at] = ta === t0 ? v0 : v0 + slope * (ta - t0)
  out[at + 1] = tb === t1 ? level[lo + 1] : v0 + slope * (tb - t0)
}

/**
 * Copies segments [from, to) as points into (outTime, outLevel) from index 0, merging a segment's
 * start into the previous end when they coincide. Returns the number of points written.
 */
export function segmentsToPoints(
  segments: SegmentColumns,
  from: number,
  to: number,
  outTime: Float64Array,
  outLevel: Float64Array
): number {
  let n = 0
  for (let s = from; s < to; s++) {
    const t = segments.timeFrom[s]
    const v = segments.levelFrom[s]
    if (n === 0 || outTime[n - 1] !== t || outLevel[n - 1] !== v) {
      outTime[n] = t
      outLevel[n++] = v
    }
    outTime[n] = segments.timeTo[s]
    outLevel[n++] = segments.levelTo[s]
  }
  return n
}

const ends = new Float64Array(2)

/** ∫ of the profile over [start, end] in MW·ms. */
export function integrateProfile(
  time: Float64Array,
  level: Float64Array,
  from: number,
  to: number,
  start: number,
  end: number
): number {
  let area = 0
  let t = start
  for (let p = from; p <= to && t < end; p++) {
    const next = p < to ? Math.min(Math.max(time[p], t), end) : end
    if (next > t) {
      profileEnds(time, level, from, to, t, next, ends, 0)
      area += ((ends[0] + ends[1]) / 2) * (next - t)
      t = next
    }
  }
  return area
}

const cuts = new Float64Array(6)

/**
 * Adds to out[0] the positive and to out[1] the negative part of
 *   ∫ clamp(a(t), lo(t), hi(t)) − clamp(b(t), lo(t), hi(t)) dt
 * over one piece of `length` ms, each function given by its values at the piece's start (…0) and
 * end (…1). The piece is cut where a or b crosses lo or hi (so each clamp is linear) and where the
 * difference changes sign (offer/bid split, §4.8.13).
 */
export function integrateBandChange(
  a0: number,
  a1: number,
  b0: number,
  b1: number,
  lo0: number,
  lo1: number,
  hi0: number,
  hi1: number,
  length: number,
  out: Float64Array
): void {
  let n = 0
  cuts[n++] = 0
  n = addCrossing(a0 - lo0, a1 - lo1, n)
  n = addCrossing(a0 - hi0, a1 - hi1, n)
  n = addCrossing(b0 - lo0, b1 - lo1, n)
  n = addCrossing(b0 - hi0, b1 - hi1, n)
  cuts[n++] = 1
  // insertion sort of the few interior cuts
  for (let i = 2; i < n - 1; i++) {
    const c = cuts[i]
    let j = i - 1
    while (j > 0 && cuts[j] > c) {
      cuts[j + 1] = cuts[j]
      j--
    }
    cuts[j + 1] = c
  }
  let sPrev = 0
  let fPrev = clamp(a0, lo0, hi0) - clamp(b0, lo0, hi0)
  for (let i = 1; i < n; i++) {
    const s = cuts[i]
    if (s <= sPrev) continue
    const f =
      s === 1
        ? clamp(a1, lo1, hi1) - clamp(b1, lo1, hi1)
        : clamp(lerp(a0, a1, s), lerp(lo0, lo1, s), lerp(hi0, hi1, s)) -
          clamp(lerp(b0, b1, s), lerp(lo0, lo1, s), lerp(hi0, hi1, s))
    addSignedTrapezium(fPrev, f, (s - sPrev) * length, out)
    sPrev = s
    fPrev = f
  }
}

/** Adds the positive and negative areas under the straight line from f0 to f1 over `width`. */
export function addSignedTrapezium(f0: number, f1: number, width: number, out: Float64Array): void {
  if (f0 >= 0 && f1 >= 0) out[0] += ((f0 + f1) / 2) * width
  else if (f0 <= 0 && f1 <= 0) out[1] += ((f0 + f1) / 2) * width
  else {
    const zero = f0 / (f0 - f1)
    const first = (f0 / 2) * zero * width
    const second = (f1 / 2) * (1 - zero) * width
    if (f0 > 0) {
      out[0] += first
      out[1] += second
    } else {
      out[1] += first
      out[0] += second
    }
  }
}

function addCrossing(d0: number, d1: number, n: number): number {
  if ((d0 < 0 && d1 > 0) || (d0 > 0 && d1 < 0)) cuts[n++] = d0 / (d0 - d1)
  return n
}

function clamp(x: number, lo: number, hi: number): number {
  return x < lo ? lo : x > hi ? hi : x
}

function lerp(x0: number, x1: number, s: number): number {
  return x0 + (x1 - x0) * s
}
