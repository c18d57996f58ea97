import { test } from '@japa/runner'
import { DEFAULT_DATES, buildDemoMarket, generateDay } from '#database/demo/demo_market'

const market = buildDemoMarket({ seed: 1, dates: DEFAULT_DATES, bmUnits: 150 })
const days = market.dates.map((date) => generateDay(market, date))

test.group('demo inputs: metered volumes and notifications', () => {
  test('the system is roughly balanced: Σ QM is a small positive loss in every period', ({
    assert,
  }) => {
    for (const day of days) {
      const net = new Map<number, number>()
      const generation = new Map<number, number>()
      for (const r of day.meteredVolumes) {
        net.set(r.settlementPeriod, (net.get(r.settlementPeriod) ?? 0) + r.volume)
        if (r.volume > 0)
          generation.set(r.settlementPeriod, (generation.get(r.settlementPeriod) ?? 0) + r.volume)
      }
      for (const [period, total] of net) {
        const share = total / generation.get(period)!
        // A couple of small units have no data in a few periods, so the remainder dips a little below the loss rate.
        assert.isTrue(share > 0 && share < 0.03, `${day.settlementDate} period ${period}: ${share}`)
      }
    }
  })

  test('metered volumes follow FPN plus accepted volume, with small noise', ({ assert }) => {
    const day = days[0]
    const accepted = new Set(day.boalf.map((r) => r.bmUnit))
    const fpn = new Map(
      day.pn.map((r) => [`${r.bmUnit}:${r.settlementPeriod}`, (r.levelFrom + r.levelTo) / 4])
    )
    let compared = 0
    for (const r of day.meteredVolumes) {
      const expected = fpn.get(`${r.bmUnit}:${r.settlementPeriod}`)
      const unit = market.bmUnits.find((u) => u.bmUnitId === r.bmUnit)!
      if (
        expected === undefined ||
        accepted.has(r.bmUnit) ||
        unit.type === 'S' ||
        unit.type === 'V' ||
        Math.abs(expected) < 1
      )
        continue
      assert.closeTo(r.volume, expected, Math.abs(expected) * 0.2, r.bmUnit)
      compared++
    }
    assert.isAbove(compared, 40)
  })

  test('a couple of units miss data, a few are estimated; VLP units deliver ABSVD', ({
    assert,
  }) => {
    const day = days[0]
    const expected = market.bmUnits.length * 48
    assert.isBelow(day.meteredVolumes.length, expected)
    assert.isAbove(day.meteredVolumes.length, expected - 20)
    assert.isAbove(day.meteredVolumes.filter((r) => r.estimated).length, 0)
    const vlp = new Set(market.bmUnits.filter((u) => u.type === 'V').map((u) => u.bmUnitId))
    assert.isTrue(
      days.some((d) => d.absvd.length > 0) &&
        days.every((d) => d.absvd.every((r) => vlp.has(r.bmUnit) && r.volume > 0))
    )
  })

  test('ECVNs and MVRNs name existing accounts; generators sell and suppliers buy', ({
    assert,
  }) => {
    const accounts = new Map(
      market.parties.flatMap((p) => p.accounts.map((a) => [a.accountId, p] as const))
    )
    for (const day of days) {
      for (const n of [...day.ecvn, ...day.mvrn]) {
        assert.isTrue(
          accounts.has(n.fromAccount) && accounts.has(n.toAccount),
          `${n.fromAccount} → ${n.toAccount}`
        )
        assert.notEqual(n.fromAccount, n.toAccount)
      }
      assert.isTrue(day.ecvn.every((n) => n.volume > 0))
      // One notification per pair of accounts and period, as settlement:import requires.
      const keys = day.ecvn.map((n) => `${n.settlementPeriod}:${n.fromAccount}>${n.toAccount}`)
      assert.equal(new Set(keys).size, keys.length)
      assert.isTrue(
        day.mvrn.every((n) => n.fromAccount.endsWith('-P') && n.toAccount.endsWith('-P'))
      )
      const sold = (kind: string) =>
        day.ecvn.filter((n) => accounts.get(n.fromAccount)!.kind === kind).length
      const bought = (kind: string) =>
        day.ecvn.filter((n) => accounts.get(n.toAccount)!.kind === kind).length
      assert.isAbove(sold('generator'), 0)
      assert.isAbove(bought('supplier'), 0)
      assert.equal(
        bought('generator') > sold('generator') ? 'more bought' : 'more sold',
        'more sold'
      )
    }
  })
})

test.group('demo inputs: GB scale', () => {
  test('3,500 BM Units make a GB-scale day: ~300 parties, ~15,000 acceptances, ~10,000 notifications', ({
    assert,
  }) => {
    const gb = buildDemoMarket({ seed: 1, dates: ['2026-01-15'], bmUnits: 3500 })
    const day = generateDay(gb, '2026-01-15')
    assert.lengthOf(gb.bmUnits, 3500)
    assert.lengthOf(gb.parties, 300)
    const acceptances = new Set(day.boalf.map((r) => `${r.bmUnit}:${r.acceptanceNumber}`)).size
    assert.isTrue(acceptances > 12_000 && acceptances < 18_000, `${acceptances} acceptances`)
    const notifications = day.ecvn.length + day.mvrn.length
    assert.isTrue(notifications > 8_000 && notifications < 20_000, `${notifications} notifications`)
    assert.lengthOf(new Set(day.meteredVolumes.map((r) => r.settlementPeriod)), 48)
  }).timeout(60_000)
})
