/**
 * Bid-offer acceptances (BOALF) of one day. Each acceptance starts at the
 * unit's FPN, ramps to a whole-MW target inside the unit's limits (so inside
 * its submitted bands), holds, and ramps back; points fall on whole minutes,
 * numbers rise with acceptance time per unit. Some are SO-flagged, some are
 * shorter than CADL (10 min), a few are STOR-flagged, and the longer ones
 * often run across a period boundary.
 */
import type { BoalfRecord } from '#rules_runtime/day_records'
import type { Rng } from './prng.js'
import type { DemoBmUnit } from './bm_units_generator.js'
import type { DayDispatch } from './dispatch.js'
import { bandLimits, bmBehaviour } from './bm_inputs_generator.js'
import { isoUtc } from './market_shape.js'

const MINUTE = 60_000

export interface Acceptance {
  bmUnit: string
  number: number
  /** UTC epoch ms */
  time: number
  soFlag: boolean
  storFlag: boolean
  /** [UTC epoch ms, MW] */
  points: [number, number][]
}

/** Chance that an acceptance moves the unit up (an offer) rather than down (a bid), before the system's state. */
const UP_CHANCE: Record<string, number> = { wind: 0.15, solar: 0.1, baseload: 0.2 }

export function generateAcceptances(
  rng: Rng,
  units: DemoBmUnit[],
  dispatch: DayDispatch
): Map<number, Acceptance[]> {
  const byUnit = new Map<number, Acceptance[]>()
  units.forEach((unit, i) => {
    if (!unit.inBm) return
    const own = rng.fork(unit.bmUnitId)
    const drafts: Acceptance[] = []
    for (let n = own.int(...bmBehaviour(unit).acceptancesPerDay); n > 0; n--) {
      const draft = draftAcceptance(own, unit, i, dispatch)
      if (draft) drafts.push(draft)
    }
    // Numbers follow acceptance time; they keep rising from one day to the next.
    drafts.sort((a, b) => a.time - b.time || a.points[0][0] - b.points[0][0])
    drafts.forEach((acceptance, k) => {
      if (k > 0 && acceptance.time <= drafts[k - 1].time)
        acceptance.time = drafts[k - 1].time + MINUTE
      acceptance.number = dispatch.frame.dayNumber * 100 + k + 1
    })
    if (drafts.length > 0) byUnit.set(i, drafts)
  })
  return byUnit
}

/** One acceptance of unit i, or null when the unit has no room to move at the chosen time. */
function draftAcceptance(
  rng: Rng,
  unit: DemoBmUnit,
  i: number,
  dispatch: DayDispatch
): Acceptance | null {
  const { boundaries } = dispatch.frame
  const behaviour = bmBehaviour(unit)
  const [floor, ceiling] = bandLimits(unit)
  const short = rng.chance(0.12)
  const duration = short ? rng.int(3, 9) : rng.int(15, 120)
  const dayMinutes = (boundaries[boundaries.length - 1] - boundaries[0]) / MINUTE
  const start = boundaries[0] + rng.int(10, dayMinutes - duration - 5) * MINUTE
  const end = start + duration * MINUTE
  const from = Math.round(levelAt(dispatch, i, start))
  // Room to move, keeping targets 1 MW inside the outer band edges.
  const up = ceiling - from - 1
  const down = from - floor - 1
  if (up < 1 && down < 1) return null
  // The SO leans to offers when the system is short and to bids when it is long.
  const period = Math.min(
    dispatch.frame.periods,
    Math.floor((start - boundaries[0]) / (boundaries[1] - boundaries[0])) + 1
  )
  const upChance = (UP_CHANCE[unit.kind] ?? 0.5) * (1 + 0.3 * dispatch.shortness[period - 1])
  const goesUp = down < 1 || (up >= 1 && rng.chance(upChance))
  // Moves are sized on the unit rather than on its room, so offers and bids weigh alike.
  const size = Math.max(unit.generationCapacity, -unit.demandCapacity)
  const move = Math.max(1, Math.min(goesUp ? up : down, Math.round(rng.range(0.03, 0.25) * size)))
  const target = goesUp ? from + move : from - move
  const ramp = (short ? 1 : rng.int(2, 10)) * MINUTE
  const points: [number, number][] = [
    [start, from],
    [start + ramp, target],
  ]
  if (end - ramp > start + ramp) points.push([end - ramp, target])
  points.push([end, Math.round(levelAt(dispatch, i, end))])
  return {
    bmUnit: unit.bmUnitId,
    number: 0,
    time: start - rng.int(1, 10) * MINUTE,
    // Wind is turned down mostly for transmission constraints: a system (SO-flagged) action.
    soFlag: rng.chance(unit.kind === 'wind' && !goesUp ? 0.5 : 0.12),
    storFlag: goesUp && rng.chance(behaviour.storShare ?? 0),
    points,
  }
}

/** BOALF rows: one straight segment per pair of consecutive points. */
export function boalfRecords(acceptances: Map<number, Acceptance[]>): BoalfRecord[] {
  const records: BoalfRecord[] = []
  for (const list of acceptances.values()) {
    for (const acceptance of list) {
      const acceptanceTime = isoUtc(acceptance.time)
      for (let p = 1; p < acceptance.points.length; p++) {
        const [timeFrom, levelFrom] = acceptance.points[p - 1]
        const [timeTo, levelTo] = acceptance.points[p]
        records.push({
          bmUnit: acceptance.bmUnit,
          acceptanceNumber: acceptance.number,
          acceptanceTime,
          deemedBoFlag: false,
          soFlag: acceptance.soFlag,
          storFlag: acceptance.storFlag,
          rrFlag: false,
          timeFrom: isoUtc(timeFrom),
          levelFrom,
          timeTo: isoUtc(timeTo),
          levelTo,
        })
      }
    }
  }
  return records
}

/** FPN of unit i at an instant: linear between the dispatch levels at period boundaries. */
function levelAt(dispatch: DayDispatch, i: number, ms: number): number {
  const { boundaries } = dispatch.frame
  const step = boundaries[1] - boundaries[0]
  const k = Math.min(boundaries.length - 2, Math.max(0, Math.floor((ms - boundaries[0]) / step)))
  const levels = dispatch.levels[i]
  return levels[k] + ((levels[k + 1] - levels[k]) * (ms - boundaries[k])) / step
}

/** The level unit i actually follows at an instant: the latest acceptance covering it, else FPN. */
export function followedLevel(
  dispatch: DayDispatch,
  i: number,
  list: Acceptance[] | undefined,
  ms: number
): number {
  if (list) {
    for (let a = list.length - 1; a >= 0; a--) {
      const points = list[a].points
      if (ms < points[0][0] || ms > points[points.length - 1][0]) continue
      let p = 1
      while (points[p][0] < ms) p++
      const [t0, l0] = points[p - 1]
      const [t1, l1] = points[p]
      return l0 + ((l1 - l0) * (ms - t0)) / (t1 - t0)
    }
  }
  return levelAt(dispatch, i, ms)
}
