/**
 * Seeded random small settlement days for property tests (domain/settlement.md §9): a few parties
 * and BM Units with PN, bid-offer bands (negative prices included), acceptances (ramps, steps,
 * some spanning two periods), metered volumes (some missing), BSAD, NETBSAD, STOR, MID, ECVNs and
 * MVRNs in two consecutive periods. Same seed, same day.
 */
import type { DayRecords } from '../../../../app/rules_runtime/day_records.js'
import { acceptance, emptyDay, metered, pair, pn, type UnitSpec } from './day_builder.js'

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export function randomDay(
  seed: number,
  date = '2024-02-14'
): { day: DayRecords; periods: number[] } {
  const rnd = mulberry32(seed)
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1))
  const pick = <T>(list: T[]) => list[int(0, list.length - 1)]
  const round = (value: number, step = 0.5) => Math.round(value / step) * step

  const parties = ['A', 'B', 'C'].slice(0, int(2, 3))
  const specs: UnitSpec[] = []
  const unitCount = int(3, 7)
  for (let i = 0; i < unitCount; i++) {
    const kind = pick(['T', 'T', 'E', 'S', 'S', 'I'])
    const party = pick(parties)
    specs.push({
      id: kind === 'S' ? `2__${party}SUP00${i}` : `${kind}_U${i}-1`,
      party,
      pc: kind === 'S' ? 'C' : rnd() < 0.15 ? 'C' : 'P',
      tlf: round(rnd() * 0.06 - 0.03, 0.001),
      tradingUnit: rnd() < 0.3 ? 'TU1' : null,
      interconnector: kind === 'I',
    })
  }
  const day = emptyDay(date, specs)
  const first = int(1, 47)
  const periods = [first, first + 1]
  const numbers = new Map<string, number>()

  for (const p of periods) {
    for (const spec of specs) {
      const supplier = spec.id.startsWith('2__')
      const fpn = supplier ? -int(20, 300) : int(-20, 300)
      pn(day, spec.id, p, fpn, rnd() < 0.3 ? fpn + int(-30, 30) : fpn)
      let up = 0
      let down = 0
      const offers = supplier ? 0 : int(0, 3)
      const bids = supplier ? 0 : int(0, 3)
      for (let n = 1; n <= offers; n++) {
        const width = int(5, 60)
        const widthTo = rnd() < 0.2 ? int(5, 60) : width
        const offer = round(int(-20, 150) + n * 20)
        pair(day, spec.id, p, n, width, offer, offer - int(0, 15), widthTo)
        up += Math.min(width, widthTo)
      }
      for (let n = 1; n <= bids; n++) {
        const width = int(5, 60)
        const bid = round(int(-60, 80) - n * 10)
        pair(day, spec.id, p, -n, -width, bid + int(0, 15), bid)
        down += width
      }
      if (rnd() < 0.9) metered(day, spec.id, p, round(fpn / 2 + int(-15, 15), 0.001))
      if (rnd() < 0.1) day.absvd.push({ bmUnit: spec.id, settlementPeriod: p, volume: int(-5, 5) })
      const accepted = up + down > 0 ? int(0, 2) : 0
      for (let k = 0; k < accepted; k++) {
        const number = (numbers.get(spec.id) ?? 100) + 1
        numbers.set(spec.id, number)
        const start = int(0, 25)
        const spans = p === periods[0] && rnd() < 0.25
        const end = spans ? int(1, 20) : int(start + 1, 30)
        const deviation = () => (rnd() < 0.5 ? rnd() * up : -rnd() * down)
        const level = () => round(fpn + deviation(), 0.1)
        const points: [number, number, number][] = [[p, start, level()]]
        if (rnd() < 0.4 && !spans && end - start > 2) points.push([p, start + 2, level()])
        points.push([spans ? p + 1 : p, end, rnd() < 0.5 ? points[points.length - 1][2] : level()])
        acceptance(day, spec.id, number, points, { soFlag: rnd() < 0.15, storFlag: rnd() < 0.1 })
      }
    }
    for (let d = 0; d < int(0, 3); d++) {
      const volume = round((rnd() < 0.5 ? 1 : -1) * int(1, 30), 0.25)
      day.disbsad.push({
        settlementPeriod: p,
        id: d + 1,
        cost: round(volume * int(-30, 200), 0.01),
        volume,
        soFlag: rnd() < 0.2,
        storFlag: rnd() < 0.2,
      })
    }
    if (rnd() < 0.3) {
      day.netbsad.push({
        settlementPeriod: p,
        netBuyPriceCostAdjustmentEnergy: 300,
        netBuyPriceVolumeAdjustmentEnergy: rnd() < 0.5 ? 4 : 0,
        netBuyPriceVolumeAdjustmentSystem: rnd() < 0.3 ? 2 : 0,
        buyPricePriceAdjustment: round(rnd() * 3, 0.01),
        netSellPriceCostAdjustmentEnergy: -100,
        netSellPriceVolumeAdjustmentEnergy: rnd() < 0.5 ? -3 : 0,
        netSellPriceVolumeAdjustmentSystem: rnd() < 0.3 ? -1 : 0,
        sellPricePriceAdjustment: round(-rnd() * 3, 0.01),
      })
    }
    day.lolp.push({
      settlementPeriod: p,
      lossOfLoadProbability: rnd() < 0.2 ? round(rnd() * 0.05, 0.0001) : 0,
    })
    day.marketIndex.push({
      settlementPeriod: p,
      dataProvider: 'APXMIDP',
      price: int(20, 120),
      volume: int(0, 500),
    })
    for (let e = 0; e < int(0, 4); e++) {
      const from = pick(day.accounts).accountId
      const to = pick(day.accounts.filter((a) => a.accountId !== from)).accountId
      day.ecvn.push({ settlementPeriod: p, fromAccount: from, toAccount: to, volume: int(0, 200) })
    }
    const donor = pick(specs)
    const others = day.parties
      .map((party) => party.partyId)
      .filter((party) => party !== donor.party)
    if (rnd() < 0.4 && others.length) {
      const type = donor.pc ?? 'P'
      day.mvrn.push({
        settlementPeriod: p,
        bmUnit: donor.id,
        fromAccount: `${donor.party}-${type}`,
        toAccount: `${pick(others)}-${type}`,
        fixedVolume: int(0, 5),
        percentage: int(0, 60),
      })
    }
  }
  return { day, periods }
}
