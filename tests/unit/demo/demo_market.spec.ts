import { test } from '@japa/runner'
import { createHash } from 'node:crypto'
import { dayEndUtc, toUtcIso } from '#core/calendar/index'
import { GSP_GROUPS } from '#database/demo/gb_reference'
import { DEFAULT_DATES, buildDemoMarket, generateDay } from '#database/demo/demo_market'
import type { DemoMarket } from '#database/demo/demo_market'

const digest = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex')
const marketHash = (market: DemoMarket) =>
  digest([market, ...market.dates.map((date) => generateDay(market, date))])
const periodsOf = (records: { settlementPeriod: number }[]) =>
  [...new Set(records.map((r) => r.settlementPeriod))].sort((a, b) => a - b)
const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1)

test.group('demo market: determinism', () => {
  test('the same seed gives identical records, another seed different ones', ({ assert }) => {
    const options = { dates: ['2026-01-15'], bmUnits: 150 }
    const first = marketHash(buildDemoMarket({ seed: 1, ...options }))
    assert.equal(marketHash(buildDemoMarket({ seed: 1, ...options })), first)
    assert.notEqual(marketHash(buildDemoMarket({ seed: 2, ...options })), first)
  })

  test('a day depends only on the seed and its date, not on the other seeded days', ({
    assert,
  }) => {
    const alone = buildDemoMarket({ seed: 7, dates: ['2026-01-15'], bmUnits: 150 })
    const together = buildDemoMarket({ seed: 7, dates: ['2026-01-15', '2026-01-16'], bmUnits: 150 })
    assert.equal(
      digest(generateDay(together, '2026-01-15').ecvn),
      digest(generateDay(alone, '2026-01-15').ecvn)
    )
    assert.notEqual(
      digest(generateDay(together, '2026-01-16').ecvn),
      digest(generateDay(together, '2026-01-15').ecvn)
    )
  })
})

test.group('demo market: settlement days', () => {
  for (const [date, periods] of [
    ['2026-03-29', 46],
    ['2026-10-25', 50],
    ['2026-01-15', 48],
  ] as const) {
    test(`${date} has records for exactly ${periods} periods`, ({ assert }) => {
      const day = generateDay(buildDemoMarket({ seed: 1, dates: [date], bmUnits: 150 }), date)
      for (const dataset of [
        day.meteredVolumes,
        day.pn,
        day.bod,
        day.marketIndex,
        day.lolp,
        day.netbsad,
        day.ecvn,
        day.mvrn,
      ]) {
        assert.deepEqual(periodsOf(dataset), range(periods))
      }
      const last = day.pn.filter((r) => r.settlementPeriod === periods)[0]
      assert.equal(last.timeTo, toUtcIso(dayEndUtc(date)))
    })
  }

  test('prices have a daily shape with a couple of negative periods; LoLP stays tiny', ({
    assert,
  }) => {
    const day = generateDay(
      buildDemoMarket({ seed: 1, dates: ['2026-01-15'], bmUnits: 150 }),
      '2026-01-15'
    )
    const apx = day.marketIndex.filter((r) => r.dataProvider === 'APXMIDP')
    assert.isAtLeast(apx.filter((r) => r.price < 0).length, 2)
    assert.isAbove(Math.max(...apx.map((r) => r.price)), 60)
    assert.isTrue(apx.every((r) => r.volume > 0))
    assert.isTrue(
      day.marketIndex
        .filter((r) => r.dataProvider === 'N2EXMIDP')
        .every((r) => r.price === 0 && r.volume === 0)
    )
    assert.isTrue(
      day.lolp.every((r) => r.lossOfLoadProbability >= 0 && r.lossOfLoadProbability < 0.01)
    )
    assert.isTrue(day.disbsad.some((r) => r.volume > 0) && day.disbsad.some((r) => r.volume < 0))
    const mean = (items: typeof day.disbsad) =>
      items.reduce((sum, r) => sum + r.cost / r.volume, 0) / items.length
    assert.isAbove(
      mean(day.disbsad.filter((r) => r.volume > 0)),
      mean(day.disbsad.filter((r) => r.volume < 0))
    )
  })
})

test.group('demo market: reference data', () => {
  const market = buildDemoMarket({ seed: 1, dates: DEFAULT_DATES, bmUnits: 150 })

  test('has ~20 parties of every role and the requested number of BM Units', ({ assert }) => {
    assert.lengthOf(market.parties, 20)
    assert.lengthOf(market.bmUnits, 150)
    const roles = new Set(market.parties.flatMap((p) => p.roles))
    for (const role of ['SUPPLIER', 'GENERATOR', 'NPT', 'IU', 'VLP', 'VTP', 'DSO'])
      assert.isTrue(roles.has(role), role)
    for (const party of market.parties) {
      assert.match(party.partyId, /^[A-Z]{4,8}$/)
      const types = party.accounts.map((a) => a.accountType).sort()
      const expected =
        party.kind === 'dso' ? [] : party.roles.join() === 'VLP' ? ['VBA'] : ['C', 'P']
      assert.deepEqual(types, expected, party.partyId)
    }
    assert.equal(new Set(market.parties.map((p) => p.partyId)).size, market.parties.length)
  })

  test('BM Unit ids follow their type patterns and are unique', ({ assert }) => {
    const patterns: Record<string, RegExp> = {
      T: /^T_[A-Z0-9]{2,8}(-[A-Z0-9]{1,3})?$/,
      E: /^E_[A-Z0-9]{2,8}(-[A-Z0-9]{1,3})?$/,
      S: /^2__[A-HJ-NP][A-Z0-9]{4}\d{3}$/,
      V: /^V__[A-HJ-NP][A-Z0-9]{4}\d{3}$/,
      I: /^I_[A-Z0-9-]{3,9}$/,
    }
    for (const unit of market.bmUnits) {
      assert.match(unit.bmUnitId, patterns[unit.type], unit.bmUnitId)
      assert.isAtMost(unit.bmUnitId.length, 11)
      assert.isAtMost(unit.name.length, 30, unit.name)
      if (unit.type === 'E') assert.equal(unit.ldsoPartyId, 'WESTDIST')
      if (unit.type === 'I') assert.include(unit.bmUnitId, unit.interconnectorId!)
      if (unit.type === 'S' || unit.type === 'V')
        assert.equal(`_${unit.bmUnitId[3]}`, unit.gspGroup)
      assert.isAtLeast(unit.generationCapacity, 0)
      assert.isAtMost(unit.demandCapacity, 0)
      assert.isTrue(unit.effectiveFrom <= market.dates[0], unit.effectiveFrom)
    }
    assert.equal(new Set(market.bmUnits.map((u) => u.bmUnitId)).size, market.bmUnits.length)
    assert.includeMembers(
      [...new Set(market.bmUnits.map((u) => u.type))],
      ['T', 'E', 'S', 'V', 'I']
    )
  })

  test('every supplier has a base unit in each of the 14 GSP Groups', ({ assert }) => {
    for (const party of market.parties.filter((p) => p.roles.includes('SUPPLIER'))) {
      const base = market.bmUnits.filter(
        (u) => u.partyId === party.partyId && u.bmUnitId.endsWith('000') && u.type === 'S'
      )
      assert.deepEqual(base.map((u) => u.gspGroup).sort(), [...GSP_GROUPS])
      assert.isTrue(
        base.every((u) => u.bmUnitId === `2__${u.gspGroup[1]}${party.participantCode}000`)
      )
    }
  })

  test('a pumped-storage site shares one trading unit', ({ assert }) => {
    const shared = new Map<string, number>()
    for (const u of market.bmUnits)
      if (u.tradingUnitId) shared.set(u.tradingUnitId, (shared.get(u.tradingUnitId) ?? 0) + 1)
    assert.isAtLeast([...shared.values()].filter((n) => n > 1).length, 1)
    assert.isTrue(market.bmUnits.some((u) => u.tech === 'PS' && u.tradingUnitId !== null))
  })

  test('TLFs: 14 zones per season, north negative and south positive, within −0.03…+0.01', ({
    assert,
  }) => {
    for (const row of market.tlfs) {
      assert.isAtLeast(row.tlf, -0.03)
      assert.isAtMost(row.tlf, 0.01)
    }
    const winter = market.tlfs.filter((r) => r.effectiveFrom === '2025-12-01')
    assert.lengthOf(winter, 14)
    assert.isBelow(winter.find((r) => r.zone === '_P')!.tlf, 0)
    assert.isAbove(winter.find((r) => r.zone === '_C')!.tlf, 0)
  })

  test('run calendar: six runs per day, in Working Days after the settlement date', ({
    assert,
  }) => {
    const runs = market.runCalendar.filter((r) => r.settlementDate === '2026-01-15')
    assert.deepEqual(
      runs.map((r) => r.runType),
      ['II', 'SF', 'R1', 'R2', 'R3', 'RF']
    )
    assert.equal(runs[0].runDate, '2026-01-22')
    assert.equal(runs[1].runDate, '2026-02-06')
  })
})
