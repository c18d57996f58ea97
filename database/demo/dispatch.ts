/**
 * Physical levels of every BM Unit through one settlement day: what each one
 * notifies (FPN) and roughly produces. Must-run plant follows its own shape
 * (nuclear flat, wind varying, solar zero at night, storage cycling,
 * interconnectors importing at peak and exporting on windy nights); supplier
 * units take the national demand curve, negative; gas and coal fill the rest
 * in merit order, so generation ≈ demand plus losses in every period.
 */
import type { Rng } from './prng.js'
import { hashString } from './prng.js'
import type { DemoBmUnit } from './bm_units_generator.js'
import { technology } from './gb_reference.js'
import { demandShape, marketPrice, solarShape, windPath } from './market_shape.js'
import type { DayFrame } from './market_shape.js'

export interface DayDispatch {
  frame: DayFrame
  /** whole MW of unit i at boundary k: levels[i][k], k = 0..periods */
  levels: number[][]
  /** market index price per period (index j − 1) */
  prices: number[]
  /** share of the flexible fleet running per period, 0..1 (drives prices and LoLP) */
  tightness: number[]
  /** how short (+1) or long (−1) the system runs per period: the SO accepts offers or bids accordingly */
  shortness: number[]
  /** transmission losses as a share of generation */
  lossRate: number
}

/** [start hour, end hour, level as a share of capacity] */
type Window = [number, number, number]
const PS_WINDOWS: Window[] = [
  [0.5, 5, -0.85],
  [7, 9, 0.9],
  [16.5, 19.5, 0.95],
]
const BATTERY_WINDOWS: Window[] = [
  [1, 4, -0.9],
  [11, 14, -0.7],
  [7, 8.5, 0.8],
  [17, 19.5, 0.9],
]

export function dispatchDay(rng: Rng, units: DemoBmUnit[], frame: DayFrame): DayDispatch {
  const { localHours, month, weekend } = frame
  const points = localHours.length
  const wind = windPath(rng.fork('wind'), points)
  const shape = localHours.map((h) => demandShape(h, month, weekend))
  const lossRate = rng.range(0.015, 0.021)
  const levels: number[][] = units.map(() => new Array<number>(points).fill(0))

  const mustRun = new Array<number>(points).fill(0)
  const merit: number[] = []
  units.forEach((unit, i) => {
    if (unit.kind === 'supplier') return
    if (unit.kind === 'merit') return void merit.push(i)
    levels[i] = mustRunProfile(rng.fork(`unit:${unit.bmUnitId}`), unit, frame, wind, shape)
    levels[i].forEach((mw, k) => (mustRun[k] += mw))
  })

  const meritCapacity = merit.reduce((sum, i) => sum + units[i].generationCapacity, 0)
  const meanMustRun = mustRun.reduce((s, x) => s + x, 0) / points
  // Largest demand the fleet can meet at every instant with 10 % of the flexible plant spare.
  const scale = Math.min(
    ...shape.map(
      (s, k) => Math.max(0.9 * meritCapacity + mustRun[k], 0.3 * meanMustRun) / (s * (1 + lossRate))
    )
  )
  const demand = shape.map((s) => s * scale)

  // Spare renewables are curtailed when demand cannot absorb them with some gas still running.
  const floor = 0.15 * meritCapacity
  const renewables = units
    .map((u, i) => (u.kind === 'wind' || u.kind === 'solar' ? i : -1))
    .filter((i) => i >= 0)
  for (let k = 0; k < points; k++) {
    const excess = mustRun[k] + floor - demand[k] * (1 + lossRate)
    const green = renewables.reduce((sum, i) => sum + levels[i][k], 0)
    if (excess <= 0 || green <= 0) continue
    const keep = Math.max(0, 1 - excess / green)
    for (const i of renewables) {
      const cut = levels[i][k] - Math.round(levels[i][k] * keep)
      levels[i][k] -= cut
      mustRun[k] -= cut
    }
  }

  units.forEach((unit, i) => {
    if (unit.kind === 'supplier') levels[i] = demand.map((d) => -Math.round(d * unit.demandShare))
  })
  const running = new Array<number>(points).fill(0)
  for (const order of [1, 2, 3]) {
    const group = merit.filter((i) => technology(units[i].tech).merit === order)
    const capacity = group.reduce((sum, i) => sum + units[i].generationCapacity, 0)
    if (capacity === 0) continue
    for (let k = 0; k < points; k++) {
      const need = demand[k] * (1 + lossRate) - mustRun[k] - running[k]
      const share = Math.min(0.95, Math.max(0, need / capacity))
      for (const i of group) levels[i][k] = Math.round(units[i].generationCapacity * share)
      running[k] += share * capacity
    }
  }

  const tightness = Array.from({ length: frame.periods }, (_, j) =>
    meritCapacity > 0 ? (running[j] + running[j + 1]) / 2 / meritCapacity : 0.5
  )
  const priceRng = rng.fork('prices')
  const prices = tightness.map((t) => marketPrice(priceRng, month, t))
  // The two loosest periods clear below zero, as GB prices do when wind and solar swamp demand.
  const loosest = tightness
    .map((t, j) => [t, j])
    .sort((a, b) => a[0] - b[0] || a[1] - b[1])
    .slice(0, 2)
  for (const [, j] of loosest) prices[j] = -Math.round(priceRng.range(0.5, 15) * 100) / 100
  // Forecast errors drift slowly, so the system stays short or long for hours at a time.
  const drift = rng.fork('shortness')
  const shortness = [drift.normal() * 0.4]
  while (shortness.length < frame.periods) {
    shortness.push(
      Math.max(-1, Math.min(1, shortness[shortness.length - 1] + drift.normal() * 0.15))
    )
  }
  return { frame, levels, prices, tightness, shortness, lossRate }
}

/** Levels of units that follow their own shape rather than demand or the merit order. */
function mustRunProfile(
  rng: Rng,
  unit: DemoBmUnit,
  frame: DayFrame,
  wind: number[],
  shape: number[]
): number[] {
  const { localHours, month } = frame
  const cap = unit.generationCapacity
  const at = (fn: (k: number) => number) => localHours.map((_, k) => Math.round(fn(k)))
  switch (unit.kind) {
    case 'baseload': {
      const load = rng.chance(0.1) ? 0 : rng.range(0.88, 0.97)
      return at(() => cap * load)
    }
    case 'wind': {
      const bias = rng.normal() * 0.08
      return at((k) => cap * Math.min(0.95, Math.max(0, wind[k] + bias + rng.normal() * 0.02)))
    }
    case 'solar':
      return at((k) => cap * solarShape(localHours[k], month) * rng.range(0.85, 1))
    case 'flat': {
      const load = rng.range(0.55, 0.9)
      return at((k) => cap * load * (localHours[k] < 6 ? 0.8 : 1))
    }
    case 'storage':
      return cycle(rng, localHours, unit.tech === 'PS' ? PS_WINDOWS : BATTERY_WINDOWS, cap)
    case 'secondary':
      return unit.tech === 'VLP_BATTERY'
        ? cycle(rng, localHours, BATTERY_WINDOWS, cap * 0.5)
        : at((k) => unit.demandCapacity * (0.25 + 0.35 * shape[k]))
    case 'import':
    case 'export': {
      // Both units of a pair see the same net flow: imports at peak, exports on windy nights.
      const key = unit.bmUnitId.slice(2, 5) + unit.bmUnitId.slice(-4)
      const bias = (hashString(key) % 1000) / 2500 - 0.2
      const net = (k: number) =>
        Math.min(0.95, Math.max(-0.8, 0.3 + bias + 1.2 * (shape[k] - 0.75) - 0.8 * (wind[k] - 0.4)))
      return unit.kind === 'import'
        ? at((k) => cap * Math.max(0, net(k)))
        : at((k) => unit.demandCapacity * -Math.min(0, net(k)))
    }
    default:
      throw new Error(`${unit.bmUnitId}: no must-run shape for ${unit.kind}`)
  }
}

/** Storage: charge and discharge windows, shifted per unit, each window used most days. */
function cycle(rng: Rng, hours: number[], windows: Window[], cap: number): number[] {
  const shift = rng.int(-2, 2) / 2
  const used = windows.map(() => rng.chance(0.8))
  return hours.map((h) => {
    const w = windows.findIndex(([from, to], i) => used[i] && h >= from + shift && h < to + shift)
    return w < 0 ? 0 : Math.round(cap * windows[w][2])
  })
}
