/**
 * Physical notifications and bid-offer data of one day (settlement.md §4.2).
 * FPN: one straight segment per period through the dispatch levels, so the
 * profile is continuous. BOD: pairs +1/+2 fill the room from FPN up to the
 * unit's capacity, −1/−2 the room down to its floor, so the outer band edges
 * are the unit's absolute limits at every instant; any level between those
 * limits is therefore inside the submitted bands.
 */
import type { BodRecord, PnRecord } from '#rules_runtime/day_records'
import type { Rng } from './prng.js'
import type { DemoBmUnit } from './bm_units_generator.js'
import type { DayDispatch } from './dispatch.js'
import { technology } from './gb_reference.js'
import { isoUtc } from './market_shape.js'

/** Prices and behaviour of units that are not generating technologies. */
const OTHER_UNITS: Record<
  string,
  {
    offer: [number, number]
    bid: [number, number]
    acceptancesPerDay: [number, number]
    storShare?: number
  }
> = {
  IC_IMPORT: { offer: [100, 140], bid: [50, 80], acceptancesPerDay: [1, 3] },
  IC_EXPORT: { offer: [100, 140], bid: [50, 80], acceptancesPerDay: [1, 3] },
  VLP_BATTERY: { offer: [150, 400], bid: [0, 40], acceptancesPerDay: [0, 3], storShare: 0.2 },
  VLP_DEMAND: { offer: [150, 400], bid: [0, 40], acceptancesPerDay: [0, 3], storShare: 0.2 },
}

export function bmBehaviour(unit: DemoBmUnit) {
  return OTHER_UNITS[unit.tech] ?? technology(unit.tech)
}

/** Lowest and highest MW the unit can run at: the outer edges of its bid-offer bands. */
export function bandLimits(unit: DemoBmUnit): [number, number] {
  const imports = unit.kind === 'storage' || unit.kind === 'secondary' || unit.kind === 'export'
  return [imports ? unit.demandCapacity : 0, unit.generationCapacity]
}

export function generatePn(units: DemoBmUnit[], dispatch: DayDispatch): PnRecord[] {
  const { boundaries, periods } = dispatch.frame
  const times = boundaries.map(isoUtc)
  const records: PnRecord[] = []
  units.forEach((unit, i) => {
    if (!unit.fpnFlag) return
    const levels = dispatch.levels[i]
    for (let j = 1; j <= periods; j++) {
      records.push({
        bmUnit: unit.bmUnitId,
        settlementPeriod: j,
        timeFrom: times[j - 1],
        levelFrom: levels[j - 1],
        timeTo: times[j],
        levelTo: levels[j],
      })
    }
  })
  return records
}

/** BOD for every period of every unit active in the BM: four pairs with a rising price ladder. */
export function generateBod(rng: Rng, units: DemoBmUnit[], dispatch: DayDispatch): BodRecord[] {
  const { boundaries, periods } = dispatch.frame
  const times = boundaries.map(isoUtc)
  const records: BodRecord[] = []
  units.forEach((unit, i) => {
    if (!unit.inBm) return
    const own = rng.fork(unit.bmUnitId)
    const ladder = priceLadder(own, unit)
    const upShare = own.range(0.3, 0.6)
    const downShare = own.range(0.3, 0.6)
    const [floor, ceiling] = bandLimits(unit)
    const widths = dispatch.levels[i].map((level) => {
      const up = ceiling - level
      const down = level - floor
      const first = Math.round(up * upShare)
      const firstDown = Math.round(down * downShare)
      return { 1: first, 2: up - first, [-1]: 0 - firstDown, [-2]: firstDown - down } as Record<
        number,
        number
      >
    })
    for (let j = 1; j <= periods; j++) {
      // Prices move a little with how tight the system is in the period, keeping their order.
      const factor = 1 + 0.15 * (dispatch.tightness[j - 1] - 0.5)
      for (const pair of [-2, -1, 1, 2]) {
        records.push({
          bmUnit: unit.bmUnitId,
          settlementPeriod: j,
          pairId: pair,
          timeFrom: times[j - 1],
          levelFrom: widths[j - 1][pair],
          timeTo: times[j],
          levelTo: widths[j][pair],
          offer: round2(ladder[pair].offer * factor),
          bid: round2(ladder[pair].bid * factor),
        })
      }
    }
  })
  return records
}

/**
 * Offer and bid prices per pair, rising with the pair number on both sides and
 * with offer ≥ bid in every pair (BOD submission rules).
 */
function priceLadder(rng: Rng, unit: DemoBmUnit): Record<number, { offer: number; bid: number }> {
  const behaviour = bmBehaviour(unit)
  const offer1 = rng.range(...behaviour.offer)
  const offer2 = offer1 + rng.range(8, 40)
  const bid1 = rng.range(...behaviour.bid)
  const bid2 = bid1 - rng.range(5, 25)
  const spread = Math.min(rng.range(2, 8), (offer1 - bid1) / 2)
  return {
    [-2]: { offer: bid2 + spread, bid: bid2 },
    [-1]: { offer: bid1 + spread, bid: bid1 },
    1: { offer: offer1, bid: offer1 - spread },
    2: { offer: offer2, bid: offer2 - spread },
  }
}

function round2(value: number): number {
  return Math.round(value * 100) / 100 || 0
}
