import { test } from '@japa/runner'
import type { DayRecords, NetbsadRecord } from '../../../app/rules_runtime/day_records.js'
import { acceptance, emptyDay, pair, pn } from './support/day_builder.js'
import { itemRows, run } from './support/harness.js'

const DATE = '2024-01-10'
const P = 7

function bsad(
  day: DayRecords,
  id: number,
  volume: number,
  itemPrice: number,
  flags: { so?: boolean; stor?: boolean } = {}
) {
  day.disbsad.push({
    settlementPeriod: P,
    id,
    cost: volume * itemPrice,
    volume,
    soFlag: flags.so ?? false,
    storFlag: flags.stor ?? false,
  })
}

function netbsad(day: DayRecords, fields: Partial<NetbsadRecord>) {
  day.netbsad.push({
    settlementPeriod: P,
    netBuyPriceCostAdjustmentEnergy: 0,
    netBuyPriceVolumeAdjustmentEnergy: 0,
    netBuyPriceVolumeAdjustmentSystem: 0,
    buyPricePriceAdjustment: 0,
    netSellPriceCostAdjustmentEnergy: 0,
    netSellPriceVolumeAdjustmentEnergy: 0,
    netSellPriceVolumeAdjustmentSystem: 0,
    sellPricePriceAdjustment: 0,
    ...fields,
  })
}

function price(result: ReturnType<typeof run>, period = P) {
  const c = result.frames.system_prices.columns
  const field = (name: string) => c[name][period - 1]
  return {
    ssp: field('systemSellPrice'),
    sbp: field('systemBuyPrice'),
    niv: field('netImbalanceVolume'),
    rp: field('replacementPrice'),
    rpVolume: field('replacementPriceReferenceVolume'),
    code: result.frames.system_prices.labels!.priceDerivationCode[period - 1],
  }
}

function stack(result: ReturnType<typeof run>, period = P) {
  const f = result.frames.stack
  return itemRows(f, period).map((x) => {
    const row: Record<string, number | string | null> = {
      id: f.labels!.id[x],
      source: f.labels!.source[x],
    }
    for (const [name, column] of Object.entries(f.columns)) row[name] = column[x]
    return row
  })
}

const byId = (rows: ReturnType<typeof stack>, id: string) => rows.find((r) => r.id === id)!

test.group('S8.1–S8.2 stack_items', () => {
  test('CADL flags short acceptances; chaining joins overlapping ones', ({ assert }) => {
    const day = emptyDay(DATE, [{ id: 'T_A-1', party: 'A' }])
    pn(day, 'T_A-1', P, 0)
    pair(day, 'T_A-1', P, 1, 100, 50, 40)
    acceptance(day, 'T_A-1', 1, [
      [P, 0, 10],
      [P, 20, 10],
    ])
    acceptance(day, 'T_A-1', 2, [
      [P, 20, 30],
      [P, 25, 30],
    ]) // 5 minutes, adjacent to k1
    const flags = (r: ReturnType<typeof run>) =>
      stack(r).map((row) => [row.acceptanceId, row.cadlFlag])
    assert.deepEqual(flags(run(day)), [
      [1, 0],
      [2, 1],
    ])
    assert.deepEqual(flags(run(day, { params: { cadl_chaining: true } })), [
      [1, 0],
      [2, 0],
    ])
  })

  test('STOR buy items are priced at least at the Reserve Scarcity Price = LoLP × VoLL', ({
    assert,
  }) => {
    const day = emptyDay(DATE, [])
    bsad(day, 1, 10, 50, { stor: true })
    bsad(day, 2, 10, 200, { stor: true })
    bsad(day, 3, -2, 30, { stor: true })
    day.lolp.push({ settlementPeriod: P, lossOfLoadProbability: 0.02 })
    const rows = stack(run(day))
    assert.equal(byId(rows, '1').finalPrice, 120) // 0.02 × £6,000
    assert.equal(byId(rows, '1').originalPrice, 50)
    assert.equal(byId(rows, '1').reserveScarcityPrice, 120)
    assert.equal(byId(rows, '2').finalPrice, 200)
    assert.equal(byId(rows, '3').reserveScarcityPrice, 120) // sell items keep their price
    const before = emptyDay('2014-06-01', [])
    before.disbsad.push({ ...day.disbsad[0] })
    assert.equal(stack(run(before))[0].finalPrice, 50) // no reserve scarcity pricing before P305
  })

  test('NETBSAD energy items are priced cost/volume; system items have no price and are repriced', ({
    assert,
  }) => {
    const day = emptyDay(DATE, [])
    bsad(day, 1, 5, 80)
    netbsad(day, {
      netBuyPriceVolumeAdjustmentEnergy: 2,
      netBuyPriceCostAdjustmentEnergy: 180,
      netBuyPriceVolumeAdjustmentSystem: 3,
    })
    const result = run(day)
    const rows = stack(result)
    assert.equal(byId(rows, 'NET_ENERGY_BUY').originalPrice, 90)
    const system = byId(rows, 'NET_SYSTEM_BUY')
    assert.isNaN(system.originalPrice as number)
    assert.equal(system.soFlag, 1)
    assert.equal(system.repricedIndicator, 1)
    // RP from the most expensive RPAR (1 MWh) of unflagged survivors: £90; PAR takes 1 MWh of the £90s
    assert.equal(price(result).rp, 90)
    assert.equal(price(result).ssp, 90)
  })

  test('demand control volume is a buy item priced at VoLL', ({ assert }) => {
    const day = emptyDay(DATE, [])
    bsad(day, 1, 5, 80)
    day.lolp.push({ settlementPeriod: P, lossOfLoadProbability: 0, demandControlVolume: 0.5 })
    const result = run(day)
    assert.equal(byId(stack(result), 'DEMAND_CONTROL').originalPrice, 6000)
    // PAR = 1 MWh: 0.5 at £6,000 and 0.5 at £80
    assert.equal(price(result).sbp, 3040)
  })
})

test.group('S8.3–S8.11 imbalance_price', () => {
  test('a long system with negative prices prices from the sell side (code N)', ({ assert }) => {
    const day = emptyDay(DATE, [])
    bsad(day, 1, 40, 30)
    bsad(day, 2, -50, -20)
    bsad(day, 3, -30, -5)
    const result = run(day)
    const rows = stack(result)
    assert.deepEqual(price(result), {
      ssp: -20,
      sbp: -20,
      niv: -40,
      rp: Number.NaN,
      rpVolume: Number.NaN,
      code: 'N',
    })
    assert.equal(byId(rows, '1').nivAdjustedVolume, 0)
    assert.equal(byId(rows, '2').nivAdjustedVolume, -10) // most expensive sell (lowest price) removed first
    assert.equal(byId(rows, '3').nivAdjustedVolume, -30)
    assert.equal(byId(rows, '2').parAdjustedVolume, -1)
    assert.deepEqual(
      rows.map((r) => [r.id, r.side, r.sequenceNumber]),
      [
        ['1', 0, 1],
        ['2', 1, 2],
        ['3', 1, 1],
      ]
    )
  })

  test('an empty stack takes the market index price (K), or 0 without traded volume (L)', ({
    assert,
  }) => {
    const day = emptyDay(DATE, [])
    day.marketIndex.push(
      { settlementPeriod: P, dataProvider: 'APXMIDP', price: 100, volume: 30 },
      { settlementPeriod: P, dataProvider: 'N2EXMIDP', price: 80, volume: 10 }
    )
    const result = run(day)
    assert.deepEqual(price(result), {
      ssp: 95,
      sbp: 95,
      niv: 0,
      rp: Number.NaN,
      rpVolume: Number.NaN,
      code: 'K',
    })
    assert.deepEqual(price(result, P + 1), {
      ssp: 0,
      sbp: 0,
      niv: 0,
      rp: Number.NaN,
      rpVolume: Number.NaN,
      code: 'L',
    })
    assert.deepEqual(result.report('imbalance_price').indicators.periodsMipDefault, 48)
  })

  test('zero NIV after arbitrage takes MIP; arbitrage keeps NIV', ({ assert }) => {
    const day = emptyDay(DATE, [])
    bsad(day, 1, 10, 50)
    bsad(day, 2, -10, 60)
    day.marketIndex.push({ settlementPeriod: P, dataProvider: 'APXMIDP', price: 55, volume: 1 })
    const result = run(day)
    assert.deepEqual(price(result), {
      ssp: 55,
      sbp: 55,
      niv: 0,
      rp: Number.NaN,
      rpVolume: Number.NaN,
      code: 'K',
    })
    assert.deepEqual(
      stack(result).map((r) => r.arbitrageAdjustedVolume),
      [0, 0]
    )
  })

  test('DMAT tags items, or whole acceptances with dmat_grouping = acceptance', ({ assert }) => {
    const day = emptyDay(DATE, [{ id: 'T_A-1', party: 'A' }])
    pn(day, 'T_A-1', P, 0)
    pair(day, 'T_A-1', P, 1, 0.12, 50, 40)
    pair(day, 'T_A-1', P, 2, 10, 60, 45)
    acceptance(day, 'T_A-1', 1, [
      [P, 0, 0.24],
      [P, 30, 0.24],
    ]) // 0.06 MWh in each pair
    const dmat = (r: ReturnType<typeof run>) => stack(r).map((row) => row.dmatAdjustedVolume)
    const byItem = run(day)
    assert.deepEqual(dmat(byItem), [0, 0])
    assert.isNaN(stack(byItem)[0].nivAdjustedVolume as number) // null after being tagged out
    assert.deepEqual(
      dmat(run(day, { params: { dmat_grouping: 'acceptance' } })).map((v) => Number(v).toFixed(2)),
      ['0.06', '0.06']
    )
  })

  test('if no unflagged action survives, flagged survivors are repriced at MIP with reference volume 0', ({
    assert,
  }) => {
    const day = emptyDay(DATE, [])
    bsad(day, 1, 5, 100, { so: true })
    day.marketIndex.push({ settlementPeriod: P, dataProvider: 'APXMIDP', price: 70, volume: 10 })
    const result = run(day)
    assert.deepEqual(price(result), { ssp: 70, sbp: 70, niv: 5, rp: 70, rpVolume: 0, code: 'P' })
    assert.equal(stack(result)[0].repricedIndicator, 1)
  })

  test('a cheap flagged action is treated as energy (not second-stage flagged)', ({ assert }) => {
    const day = emptyDay(DATE, [])
    bsad(day, 1, 5, 40, { so: true })
    bsad(day, 2, 5, 60)
    const rows = stack(run(day))
    assert.equal(byId(rows, '1').secondStageFlagged, 0)
    assert.equal(byId(rows, '1').repricedIndicator, 0)
  })

  test('arbitrage pairs the cheapest buy with the highest sell, flagged items included', ({
    assert,
  }) => {
    const day = emptyDay(DATE, [])
    bsad(day, 1, 10, 40)
    bsad(day, 2, 20, 70)
    bsad(day, 3, -4, 90, { so: true })
    bsad(day, 4, -8, 50)
    const rows = stack(run(day))
    // 40 ≤ 90: 4 MWh off both; 40 ≤ 50: 6 MWh off both (buy 1 now empty); 70 > 50: stop
    assert.deepEqual(
      rows.map((r) => [r.id, r.arbitrageAdjustedVolume]),
      [
        ['1', 0],
        ['2', 20],
        ['3', 0],
        ['4', -2],
      ]
    )
  })

  test('PAR takes all surviving volume when NIV is smaller, and the price adjuster is added', ({
    assert,
  }) => {
    const day = emptyDay('2017-06-01', []) // PAR 50 MWh before 2018-11-01
    bsad(day, 1, 20, 40)
    bsad(day, 2, 10, 70)
    netbsad(day, { buyPricePriceAdjustment: 1.5, sellPricePriceAdjustment: -3 })
    const result = run(day)
    assert.equal(price(result).sbp, (20 * 40 + 10 * 70) / 30 + 1.5)
    assert.equal(price(result).ssp, price(result).sbp)
  })

  test('before P305 the reverse price is the market index price (dual prices)', ({ assert }) => {
    const day = emptyDay('2014-06-01', [])
    bsad(day, 1, 20, 40)
    day.marketIndex.push({ settlementPeriod: P, dataProvider: 'APXMIDP', price: 35, volume: 100 })
    const result = run(day)
    assert.equal(price(result).sbp, 40)
    assert.equal(price(result).ssp, 35)
  })

  test('system prices are published at 5 dp and used rounded', ({ assert }) => {
    const day = emptyDay(DATE, [])
    bsad(day, 1, 0.3, 100 / 3)
    bsad(day, 2, 0.7, 10 / 3)
    const result = run(day)
    assert.equal(price(result).sbp, 12.33333)
  })
})
