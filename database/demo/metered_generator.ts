/**
 * Metered volumes (QM, MWh) of one day. Each unit meters what it was told to
 * follow (FPN overridden by its acceptances, integrated exactly) plus a little
 * noise and any ABSVD energy it delivered. Supplier units then get the GSP
 * Group Correction treatment: scaled so that all units together leave just
 * the transmission losses (Σ QM ≈ loss rate × generation > 0). A couple of
 * units miss a few periods and a few carry estimated values.
 */
import type { AbsvdRecord, MeteredVolumeRecord } from '#rules_runtime/day_records'
import type { Rng } from './prng.js'
import type { DemoBmUnit } from './bm_units_generator.js'
import type { DayDispatch } from './dispatch.js'
import type { Acceptance } from './acceptances_generator.js'
import { followedLevel } from './acceptances_generator.js'

const HOUR = 3_600_000
/** Relative metering noise (1 σ) by unit kind: weather-driven plant misses its notification most. */
const NOISE: Record<string, number> = {
  wind: 0.03,
  solar: 0.03,
  storage: 0.02,
  secondary: 0.05,
  merit: 0.005,
  baseload: 0.003,
  flat: 0.008,
}

/** Energy (MWh) unit i is expected to deliver in period j: FPN with its acceptances, integrated exactly. */
function expectedVolume(
  dispatch: DayDispatch,
  i: number,
  list: Acceptance[] | undefined,
  j: number
): number {
  const from = dispatch.frame.boundaries[j - 1]
  const to = dispatch.frame.boundaries[j]
  const levels = dispatch.levels[i]
  if (!list) return ((levels[j - 1] + levels[j]) / 2) * ((to - from) / HOUR)
  const cuts = [from, to]
  for (const acceptance of list)
    for (const [t] of acceptance.points) if (t > from && t < to) cuts.push(t)
  cuts.sort((a, b) => a - b)
  // Between consecutive cuts every profile is a straight line, so the midpoint value times the width is exact.
  let energy = 0
  for (let c = 1; c < cuts.length; c++) {
    if (cuts[c] === cuts[c - 1]) continue
    energy +=
      followedLevel(dispatch, i, list, (cuts[c - 1] + cuts[c]) / 2) *
      ((cuts[c] - cuts[c - 1]) / HOUR)
  }
  return energy
}

export function generateMetered(
  rng: Rng,
  units: DemoBmUnit[],
  dispatch: DayDispatch,
  acceptances: Map<number, Acceptance[]>,
  absvd: AbsvdRecord[]
): MeteredVolumeRecord[] {
  const { periods } = dispatch.frame
  const delivered = new Map(absvd.map((r) => [`${r.bmUnit}:${r.settlementPeriod}`, r.volume]))
  const candidates = units
    .map((u, i) => (u.kind === 'supplier' || u.kind === 'import' || u.kind === 'export' ? -1 : i))
    .filter((i) => i >= 0)
  // Data goes missing on small embedded sites, so the system stays close to balanced.
  const small = candidates.filter((i) => units[i].generationCapacity <= 50)
  const missing = new Map<number, [number, number]>()
  for (let n = 0; n < 2 && small.length > 0; n++) {
    const first = rng.int(1, periods - 6)
    missing.set(rng.pick(small), [first, first + rng.int(1, 5)])
  }
  const estimated = new Map<number, [number, number]>()
  for (let n = 0; n < 3 && candidates.length > 0; n++) {
    const first = rng.int(1, periods - 10)
    estimated.set(rng.pick(candidates), [first, first + rng.int(3, 9)])
  }
  const inside = (window: [number, number] | undefined, j: number) =>
    window !== undefined && j >= window[0] && j <= window[1]

  const records: MeteredVolumeRecord[] = []
  const volume = new Float64Array(units.length)
  for (let j = 1; j <= periods; j++) {
    let generation = 0
    let others = 0
    let suppliers = 0
    units.forEach((unit, i) => {
      const expected = expectedVolume(dispatch, i, acceptances.get(i), j)
      const noise = inside(estimated.get(i), j)
        ? 0
        : rng.normal() * (unit.kind === 'supplier' ? 0.02 : (NOISE[unit.kind] ?? 0))
      volume[i] = expected * (1 + noise) + (delivered.get(`${unit.bmUnitId}:${j}`) ?? 0)
      if (unit.kind === 'supplier') suppliers += volume[i]
      else others += volume[i]
      if (volume[i] > 0) generation += volume[i]
    })
    // GSP Group Correction: supplier volumes absorb what the metered units do not explain.
    const correction = suppliers < 0 ? (dispatch.lossRate * generation - others) / suppliers : 1
    units.forEach((unit, i) => {
      if (inside(missing.get(i), j)) return
      const qm = unit.kind === 'supplier' ? volume[i] * correction : volume[i]
      records.push({
        bmUnit: unit.bmUnitId,
        settlementPeriod: j,
        volume: round3(qm),
        estimated: inside(estimated.get(i), j),
      })
    })
  }
  return records
}

function round3(value: number): number {
  return Math.round(value * 1000) / 1000 || 0
}
