/**
 * System-level inputs of one day (settlement.md §4.2–4.3): DISBSAD trades of
 * the System Operator (buys and sells, a few flagged), NETBSAD (zero in most
 * periods, small where set), Market Index Data (APX with volume, N2EX zeros),
 * LoLP (tiny, rising only when the flexible fleet is nearly all running) and
 * ABSVD for VLP units delivering non-BM services in the evening peak.
 */
import type {
  AbsvdRecord,
  DisbsadRecord,
  LolpRecord,
  MarketIndexRecord,
  NetbsadRecord,
} from '#rules_runtime/day_records'
import type { Rng } from './prng.js'
import type { DemoBmUnit } from './bm_units_generator.js'
import type { DemoParty } from './parties_generator.js'
import type { DayDispatch } from './dispatch.js'

export function generateDisbsad(
  rng: Rng,
  parties: DemoParty[],
  units: DemoBmUnit[],
  dispatch: DayDispatch
): DisbsadRecord[] {
  const providers = parties.filter((p) => p.kind === 'generator' || p.kind === 'interconnector')
  const records: DisbsadRecord[] = []
  let id = 0
  dispatch.prices.forEach((mip, j) => {
    for (let n = rng.int(0, 3); n > 0; n--) {
      const buy = rng.chance(0.5 + 0.4 * dispatch.shortness[j])
      const volume = round(rng.range(5, 150) * (buy ? 1 : -1), 3)
      const price = Math.max(mip, 20) + (buy ? rng.range(10, 80) : -rng.range(5, 40))
      const stor = buy && rng.chance(0.06)
      const party = rng.chance(0.7) ? rng.pick(providers) : null
      const asset = party ? units.find((u) => u.partyId === party.partyId) : undefined
      records.push({
        settlementPeriod: j + 1,
        id: ++id,
        cost: round(price * volume, 2),
        volume,
        soFlag: rng.chance(0.3),
        storFlag: stor,
        partyId: party?.partyId ?? null,
        assetId: asset?.ngcBmUnitId ?? null,
        isTendered: rng.chance(0.5),
        service: stor
          ? 'STOR'
          : party?.kind === 'interconnector'
            ? 'SO-SO trade'
            : buy
              ? 'Energy'
              : 'Constraint',
      })
    }
  })
  return records
}

export function generateNetbsad(rng: Rng, dispatch: DayDispatch): NetbsadRecord[] {
  return dispatch.prices.map((_, j) => {
    const set = rng.chance(0.1)
    const buyVolume = set ? round(rng.range(0.5, 5), 3) : 0
    return {
      settlementPeriod: j + 1,
      netBuyPriceCostAdjustmentEnergy: set ? round(buyVolume * rng.range(60, 120), 2) : 0,
      netBuyPriceVolumeAdjustmentEnergy: buyVolume,
      netBuyPriceVolumeAdjustmentSystem: 0,
      buyPricePriceAdjustment: set ? round(rng.range(0.01, 0.5), 5) : 0,
      netSellPriceCostAdjustmentEnergy: 0,
      netSellPriceVolumeAdjustmentEnergy: 0,
      netSellPriceVolumeAdjustmentSystem: 0,
      sellPricePriceAdjustment: 0,
      bsadDefaulted: false,
    }
  })
}

export function generateMarketIndex(rng: Rng, dispatch: DayDispatch): MarketIndexRecord[] {
  return dispatch.prices.flatMap((price, j) => [
    {
      settlementPeriod: j + 1,
      dataProvider: 'APXMIDP',
      price,
      volume: round(rng.range(300, 2500) * (0.5 + dispatch.tightness[j]), 3),
    },
    { settlementPeriod: j + 1, dataProvider: 'N2EXMIDP', price: 0, volume: 0 },
  ])
}

export function generateLolp(dispatch: DayDispatch): LolpRecord[] {
  return dispatch.tightness.map((t, j) => ({
    settlementPeriod: j + 1,
    lossOfLoadProbability: t > 0.7 ? Number((10 ** (-7 + 16 * (t - 0.7))).toPrecision(3)) : 0,
    demandControlVolume: 0,
  }))
}

/** Non-BM services (e.g. demand flexibility) delivered by about a third of the VLP units at the evening peak. */
export function generateAbsvd(rng: Rng, units: DemoBmUnit[], dispatch: DayDispatch): AbsvdRecord[] {
  const { localHours, periods } = dispatch.frame
  const records: AbsvdRecord[] = []
  for (const unit of units) {
    if (unit.kind !== 'secondary' || !rng.chance(0.35)) continue
    const limit = Math.max(unit.generationCapacity, -unit.demandCapacity) * 0.5
    for (let j = 1; j <= periods; j++) {
      if (localHours[j - 1] < 17 || localHours[j - 1] >= 19) continue
      records.push({
        bmUnit: unit.bmUnitId,
        settlementPeriod: j,
        volume: round(rng.range(0.1, 0.4) * limit, 3),
      })
    }
  }
  return records
}

function round(value: number, places: number): number {
  const factor = 10 ** places
  return Math.round(value * factor) / factor || 0
}
