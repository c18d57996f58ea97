import { test } from '@japa/runner'
import { buildDemoMarket, generateDay } from '#database/demo/demo_market'
import { demoBmUnitList, demoPublications } from '#database/demo/insights_publication'

/** The demo's public data (FUELHH, FUELINST, INDO, BOD …) follows from the day it settles. */
test.group('demo market: Insights publications', () => {
  const dates = ['2026-01-15', '2026-03-29', '2026-10-25']
  const market = buildDemoMarket({ seed: 1, dates, bmUnits: 150 })

  for (const [date, periods] of [
    ['2026-01-15', 48],
    ['2026-03-29', 46],
    ['2026-10-25', 50],
  ] as const) {
    test(`${date}: one FUELHH row per fuel and period, FUELINST every 5 minutes`, ({ assert }) => {
      const published = demoPublications(generateDay(market, date), market.bmUnits)
      const fuels = new Set(published.FUELHH.map((row) => row.fuelType))
      assert.lengthOf(published.FUELHH, fuels.size * periods)
      assert.lengthOf(published.FUELINST, fuels.size * periods * 6)
      assert.lengthOf(published.INDO, periods)
      const lastPeriod = Math.max(...published.FUELINST.map((row) => Number(row.settlementPeriod)))
      assert.equal(lastPeriod, periods)
      assert.notInclude([...fuels], 'SOLAR', 'fuel types Elexon does not report count as OTHER')
    })
  }

  test('FUELHH is the metered output of each fuel in MW; interconnectors net imports and exports', ({
    assert,
  }) => {
    const day = generateDay(market, '2026-01-15')
    const published = demoPublications(day, market.bmUnits)
    const nuclear = new Set(
      market.bmUnits.filter((u) => u.fuel === 'NUCLEAR').map((u) => u.bmUnitId)
    )
    const metered = day.meteredVolumes
      .filter((row) => nuclear.has(row.bmUnit) && row.settlementPeriod === 20 && row.volume > 0)
      .reduce((sum, row) => sum + row.volume * 2, 0)
    const row = published.FUELHH.find((r) => r.fuelType === 'NUCLEAR' && r.settlementPeriod === 20)
    assert.equal(row?.generation, Math.round(metered))
    const interconnector = published.FUELHH.filter((r) => String(r.fuelType).startsWith('INT'))
    assert.isTrue(
      interconnector.some((r) => Number(r.generation) < 0),
      'exports are negative'
    )
    const demand = published.INDO.find((r) => r.settlementPeriod === 36)!
    assert.isAbove(Number(demand.initialDemandOutturn), 0)
    assert.isAtLeast(
      Number(demand.initialTransmissionSystemDemandOutturn),
      Number(demand.initialDemandOutturn)
    )
  })

  test('balancing data keeps every settled record, with the period fields Elexon adds', ({
    assert,
  }) => {
    const day = generateDay(market, '2026-10-25')
    const published = demoPublications(day, market.bmUnits)
    assert.lengthOf(published.BOD, day.bod.length)
    assert.lengthOf(published.BOALF, day.boalf.length)
    assert.lengthOf(published.DISBSAD, day.disbsad.length)
    assert.lengthOf(published.NETBSAD, day.netbsad.length)
    for (const row of published.BOALF) {
      assert.isAtMost(Number(row.settlementPeriodFrom), Number(row.settlementPeriodTo))
    }
  })

  test('the BM Unit reference list has every unit in BmUnitData shape', ({ assert }) => {
    const list = demoBmUnitList(market)
    assert.lengthOf(list, market.bmUnits.length)
    const interconnector = list.find((unit) => String(unit.fuelType).startsWith('INT'))!
    assert.equal(interconnector.bmUnitType, 'I')
    assert.match(String(interconnector.generationCapacity), /^\d+\.\d{3}$/)
    assert.isString(list[0].leadPartyName)
  })
})
