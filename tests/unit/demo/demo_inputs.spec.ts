import { test } from '@japa/runner'
import type { BodRecord, DayRecords, PnRecord } from '#rules_runtime/day_records'
import { DEFAULT_DATES, buildDemoMarket, generateDay } from '#database/demo/demo_market'

const market = buildDemoMarket({ seed: 1, dates: DEFAULT_DATES, bmUnits: 150 })
const days = market.dates.map((date) => generateDay(market, date))
const ms = (iso: string) => Date.parse(iso)
const at = (from: number, to: number, levelFrom: number, levelTo: number, t: number) =>
  levelFrom + ((levelTo - levelFrom) * (t - from)) / (to - from)

interface AcceptanceView {
  bmUnit: string
  number: number
  time: number
  soFlag: boolean
  storFlag: boolean
  points: [number, number][]
}

function acceptancesOf(day: DayRecords): AcceptanceView[] {
  const byKey = new Map<string, AcceptanceView>()
  for (const r of day.boalf) {
    const key = `${r.bmUnit}:${r.acceptanceNumber}`
    const view = byKey.get(key) ?? {
      bmUnit: r.bmUnit,
      number: r.acceptanceNumber,
      time: ms(r.acceptanceTime),
      soFlag: r.soFlag,
      storFlag: r.storFlag,
      points: [[ms(r.timeFrom), r.levelFrom]],
    }
    view.points.push([ms(r.timeTo), r.levelTo])
    byKey.set(key, view)
  }
  return [...byKey.values()]
}

/** FPN and the outer band edges of a unit at an instant, from the PN and BOD of the period holding it. */
function envelope(pn: PnRecord[], bod: BodRecord[], t: number): [number, number, number] {
  const segment = pn.find((r) => ms(r.timeFrom) <= t && t <= ms(r.timeTo))!
  const fpn = at(ms(segment.timeFrom), ms(segment.timeTo), segment.levelFrom, segment.levelTo, t)
  let up = 0
  let down = 0
  for (const pair of bod.filter((r) => r.settlementPeriod === segment.settlementPeriod)) {
    const width = at(ms(pair.timeFrom), ms(pair.timeTo), pair.levelFrom, pair.levelTo, t)
    if (pair.pairId > 0) up += width
    else down += width
  }
  return [fpn + down, fpn, fpn + up]
}

test.group('demo inputs: acceptances (BOALF)', () => {
  test("every level lies within FPN ± the unit's bid-offer bands, on whole minutes and whole MW", ({
    assert,
  }) => {
    let checked = 0
    for (const day of days) {
      for (const acceptance of acceptancesOf(day)) {
        const pn = day.pn.filter((r) => r.bmUnit === acceptance.bmUnit)
        const bod = day.bod.filter((r) => r.bmUnit === acceptance.bmUnit)
        for (const [t, level] of acceptance.points) {
          assert.equal(t % 60_000, 0)
          assert.isTrue(Number.isInteger(level))
          const [low, , high] = envelope(pn, bod, t)
          assert.isTrue(
            level >= low - 1e-9 && level <= high + 1e-9,
            `${acceptance.bmUnit} k${acceptance.number} ${level} MW outside ${low}…${high}`
          )
          checked++
        }
      }
    }
    assert.isAbove(checked, 1000)
  })

  test('acceptance numbers increase with acceptance time for each unit, also across days', ({
    assert,
  }) => {
    const byUnit = new Map<string, AcceptanceView[]>()
    for (const day of days)
      for (const a of acceptancesOf(day)) byUnit.set(a.bmUnit, [...(byUnit.get(a.bmUnit) ?? []), a])
    for (const list of byUnit.values()) {
      list.sort((a, b) => a.number - b.number)
      for (let k = 1; k < list.length; k++) assert.isAbove(list[k].time, list[k - 1].time)
    }
  })

  test('some are SO-flagged, some shorter than CADL, a few STOR-flagged, some span two periods', ({
    assert,
  }) => {
    const all = days.flatMap((day) => acceptancesOf(day).map((a) => ({ ...a, day })))
    const periodOf = (day: DayRecords, t: number) =>
      day.pn.find((r) => ms(r.timeFrom) <= t && t < ms(r.timeTo))?.settlementPeriod
    assert.isAbove(all.filter((a) => a.soFlag).length, 5)
    assert.isAbove(
      all.filter((a) => a.points[a.points.length - 1][0] - a.points[0][0] < 10 * 60_000).length,
      5
    )
    assert.isAbove(all.filter((a) => a.storFlag).length, 0)
    assert.isAbove(
      all.filter(
        (a) =>
          periodOf(a.day, a.points[0][0]) !== periodOf(a.day, a.points[a.points.length - 1][0] - 1)
      ).length,
      5
    )
    assert.isTrue(all.every((a) => a.time < a.points[a.points.length - 1][0]))
  })
})

test.group('demo inputs: FPN and BOD', () => {
  test('bid-offer pairs: signed widths, offer ≥ bid, prices rising with the pair number', ({
    assert,
  }) => {
    const day = days[0]
    const groups = new Map<string, BodRecord[]>()
    for (const r of day.bod)
      groups.set(`${r.bmUnit}:${r.settlementPeriod}`, [
        ...(groups.get(`${r.bmUnit}:${r.settlementPeriod}`) ?? []),
        r,
      ])
    for (const pairs of groups.values()) {
      pairs.sort((a, b) => a.pairId - b.pairId)
      assert.deepEqual(
        pairs.map((p) => p.pairId),
        [-2, -1, 1, 2]
      )
      for (const [k, p] of pairs.entries()) {
        assert.isAtLeast(p.offer, p.bid)
        assert.isTrue(p.levelFrom * p.pairId >= 0 && p.levelTo * p.pairId >= 0)
        if (k > 0) assert.isTrue(p.offer >= pairs[k - 1].offer && p.bid >= pairs[k - 1].bid)
      }
    }
    const wind = new Set(market.bmUnits.filter((u) => u.fuel === 'WIND').map((u) => u.bmUnitId))
    assert.isTrue(day.bod.some((r) => wind.has(r.bmUnit) && r.bid < 0))
  })

  test('FPN shapes: suppliers negative, solar dark at night, nuclear flat, storage both ways', ({
    assert,
  }) => {
    const day = days[0]
    const levels = (tech: string) =>
      day.pn.filter((r) => market.bmUnits.find((u) => u.bmUnitId === r.bmUnit)?.tech === tech)
    assert.isTrue(levels('SUPPLIER').every((r) => r.levelFrom <= 0 && r.levelTo <= 0))
    assert.isTrue(
      levels('SOLAR')
        .filter((r) => r.settlementPeriod <= 12)
        .every((r) => r.levelFrom === 0)
    )
    for (const unit of market.bmUnits.filter((u) => u.tech === 'NUCLEAR')) {
      assert.lengthOf(
        new Set(day.pn.filter((r) => r.bmUnit === unit.bmUnitId).map((r) => r.levelFrom)),
        1
      )
    }
    const storage = [...levels('PS'), ...levels('BATTERY')]
    assert.isTrue(storage.some((r) => r.levelFrom < 0) && storage.some((r) => r.levelFrom > 0))
  })
})
