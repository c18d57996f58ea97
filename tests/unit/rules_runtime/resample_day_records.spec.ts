import { test } from '@japa/runner'
import { buildDayInputs } from '#rules_runtime/build_day_inputs'
import type { DayRecords, PnRecord } from '#rules_runtime/day_records'
import { resampleDayRecords, splitExact } from '#rules_runtime/resample_day_records'
import { buildDemoMarket, DEFAULT_DATES, generateDay } from '#database/demo/demo_market'
import { periodStartUtc } from '#core/calendar/index'
import { run } from '../../../rules/baseline/tests/support/harness.js'
import { invariantProblems } from '../../../rules/modifications/_support/invariants.js'

/**
 * Demo market days (real-shaped: ramping PNs, bid-offer bands, acceptances across period
 * boundaries, BSAD, MID, notifications) on the three demo dates: a winter day and both clock
 * changes.
 */
const market = buildDemoMarket({ seed: 11, dates: DEFAULT_DATES, bmUnits: 60 })
const days = new Map(DEFAULT_DATES.map((date) => [date, demoDay(date)]))

/** The demo day with a Virtual Balancing Account for VLP-only parties (the demo leaves them out). */
function demoDay(date: string): DayRecords {
  const day = generateDay(market, date)
  for (const party of day.parties) {
    if (!day.accounts.some((account) => account.partyId === party.partyId)) {
      day.accounts.push({
        accountId: `${party.partyId}-VBA`,
        partyId: party.partyId,
        accountType: 'VBA',
      })
    }
  }
  return day
}

/** Exact decimal sum of doubles, each taken at its shortest printed form. */
function decimalSum(values: number[]): string {
  const parsed = values.map((value) => {
    const [mantissa, exponent] = String(value).split('e')
    const [whole, fraction = ''] = mantissa.replace('-', '').split('.')
    const scale = fraction.length - Number(exponent ?? 0)
    const digits = BigInt(whole + fraction) * (value < 0 ? -1n : 1n)
    return scale >= 0 ? { digits, scale } : { digits: digits * 10n ** BigInt(-scale), scale: 0 }
  })
  let scale = Math.max(0, ...parsed.map((p) => p.scale))
  let total = parsed.reduce((s, p) => s + p.digits * 10n ** BigInt(scale - p.scale), 0n)
  while (scale > 0 && total % 10n === 0n) {
    total /= 10n
    scale--
  }
  const digits = (total < 0n ? -total : total).toString().padStart(scale + 1, '0')
  const cut = digits.length - scale
  return `${total < 0n ? '-' : ''}${digits.slice(0, cut)}${scale ? `.${digits.slice(cut)}` : ''}`
}

/** Groups the resampled rows back onto their 30-minute period, with the original rows. */
function regroup<T extends { settlementPeriod: number }>(
  original: T[],
  resampled: T[],
  key: (row: T) => string,
  factor: number
) {
  const groups = new Map<string, { original: T[]; parts: T[] }>()
  const at = (k: string) => groups.get(k) ?? groups.set(k, { original: [], parts: [] }).get(k)!
  for (const row of original) at(`${row.settlementPeriod}|${key(row)}`).original.push(row)
  for (const row of resampled) {
    const period = Math.floor((row.settlementPeriod - 1) / factor) + 1
    at(`${period}|${key(row)}`).parts.push(row)
  }
  return [...groups.values()]
}

/** Energy (MWh) of straight PN segments. */
function energy(segments: PnRecord[]): number {
  return segments.reduce(
    (sum, s) =>
      sum +
      ((s.levelFrom + s.levelTo) / 2) * ((Date.parse(s.timeTo) - Date.parse(s.timeFrom)) / 3.6e6),
    0
  )
}

test.group('rules_runtime/resample_day_records: calendar', () => {
  test('{date} has {counts} periods at 30/15/5 minutes')
    .with([
      { date: '2026-01-15', counts: [48, 96, 288] },
      { date: '2026-03-29', counts: [46, 92, 276] },
      { date: '2026-10-25', counts: [50, 100, 300] },
    ])
    .run(({ assert }, { date, counts }) => {
      const day = days.get(date)!
      const shapes = [day, resampleDayRecords(day, 15), resampleDayRecords(day, 5)].map((records) =>
        buildDayInputs(records)
      )
      assert.deepEqual(
        shapes.map((inputs) => inputs.periods),
        counts
      )
      for (const inputs of shapes) {
        assert.equal(inputs.dayStart, periodStartUtc(date, 1, 30).toMillis())
      }
    })

  test('refuses to lengthen periods or to resample an unknown length', ({ assert }) => {
    const day = days.get('2026-01-15')!
    const five = resampleDayRecords(day, 5)
    assert.throws(() => resampleDayRecords(five, 15), /cannot resample 5-minute periods to 15/)
    assert.throws(
      () => resampleDayRecords({ ...day, periodMinutes: 20 }, 5),
      /cannot resample 20-minute/
    )
    // 15 → 5 is a further split of the same line
    assert.equal(buildDayInputs(resampleDayRecords(resampleDayRecords(day, 15), 5)).periods, 288)
  })
})

test.group('rules_runtime/resample_day_records: data', () => {
  test('volumes and costs keep their totals exactly at {minutes} minutes')
    .with([{ minutes: 15 as const }, { minutes: 5 as const }])
    .run(({ assert }, { minutes }) => {
      const factor = 30 / minutes
      for (const day of days.values()) {
        const out = resampleDayRecords(day, minutes)
        const checks: [
          string,
          { settlementPeriod: number }[],
          { settlementPeriod: number }[],
          (r: any) => string,
          string[],
        ][] = [
          ['meteredVolumes', day.meteredVolumes, out.meteredVolumes, (r) => r.bmUnit, ['volume']],
          ['absvd', day.absvd, out.absvd, (r) => r.bmUnit, ['volume']],
          ['disbsad', day.disbsad, out.disbsad, (r) => String(r.id), ['cost', 'volume']],
          ['marketIndex', day.marketIndex, out.marketIndex, (r) => r.dataProvider, ['volume']],
          ['ecvn', day.ecvn, out.ecvn, (r) => `${r.fromAccount}>${r.toAccount}`, ['volume']],
          ['mvrn', day.mvrn, out.mvrn, (r) => `${r.bmUnit}>${r.toAccount}`, ['fixedVolume']],
          [
            'netbsad',
            day.netbsad,
            out.netbsad,
            () => '',
            [
              'netBuyPriceCostAdjustmentEnergy',
              'netBuyPriceVolumeAdjustmentEnergy',
              'netBuyPriceVolumeAdjustmentSystem',
              'netSellPriceCostAdjustmentEnergy',
              'netSellPriceVolumeAdjustmentEnergy',
              'netSellPriceVolumeAdjustmentSystem',
            ],
          ],
        ]
        for (const [name, original, resampled, key, fields] of checks) {
          assert.lengthOf(resampled, original.length * factor, name)
          for (const group of regroup(original, resampled, key, factor)) {
            assert.lengthOf(group.parts, factor * group.original.length, name)
            for (const field of fields) {
              assert.equal(
                decimalSum(group.parts.map((r: any) => r[field])),
                decimalSum(group.original.map((r: any) => r[field])),
                `${name}.${field}`
              )
            }
          }
        }
      }
    })

  test('PN and BOD are cut at the new boundaries on the same lines; energy is unchanged', ({
    assert,
  }) => {
    const day = days.get('2026-03-29')!
    const out = resampleDayRecords(day, 5)
    const start = periodStartUtc(day.settlementDate, 1, 5).toMillis()
    for (const segment of [...out.pn, ...out.bod]) {
      const from = start + (segment.settlementPeriod - 1) * 300_000
      assert.isAtLeast(Date.parse(segment.timeFrom), from)
      assert.isAtMost(Date.parse(segment.timeTo), from + 300_000)
    }
    for (const group of regroup(day.pn, out.pn, (r) => r.bmUnit, 6)) {
      assert.closeTo(energy(group.parts), energy(group.original), 1e-9)
      // each cut lies on the original straight line
      const [line] = group.original
      const a = Date.parse(line.timeFrom)
      const b = Date.parse(line.timeTo)
      for (const part of group.parts) {
        const t = Date.parse(part.timeFrom)
        const onLine = line.levelFrom + ((line.levelTo - line.levelFrom) * (t - a)) / (b - a)
        assert.closeTo(part.levelFrom, onLine, 1e-9)
      }
    }
    assert.lengthOf(out.bod, day.bod.length * 6)
    assert.deepEqual(
      out.bod.filter((row) => row.settlementPeriod === 1).map((row) => [row.offer, row.bid]),
      day.bod.filter((row) => row.settlementPeriod === 1).map((row) => [row.offer, row.bid])
    )
  })

  test('metered volumes follow the FPN shape, evenly when there is no PN', ({ assert }) => {
    const day = structuredClone(days.get('2026-01-15')!)
    const [unit] = day.bmUnits.map((u) => u.elexonBmUnit)
    day.pn = day.pn.filter((row) => row.bmUnit !== unit || row.settlementPeriod !== 1)
    day.pn.push({
      bmUnit: unit,
      settlementPeriod: 1,
      timeFrom: '2026-01-15T00:00:00Z',
      levelFrom: 100,
      timeTo: '2026-01-15T00:30:00Z',
      levelTo: 200,
    })
    day.meteredVolumes = day.meteredVolumes.filter(
      (row) => !(row.bmUnit === unit && row.settlementPeriod <= 2)
    )
    day.meteredVolumes.push(
      { bmUnit: unit, settlementPeriod: 1, volume: 70 },
      { bmUnit: unit, settlementPeriod: 2, volume: 1 }
    )
    day.pn = day.pn.filter((row) => row.bmUnit !== unit || row.settlementPeriod !== 2)
    const out = resampleDayRecords(day, 15)
    const parts = (period: number) =>
      out.meteredVolumes
        .filter((row) => row.bmUnit === unit && row.settlementPeriod === period)
        .map((row) => row.volume)
    // old period 1: FPN energies 31.25 and 43.75 MWh in its quarter hours → 5/12 and 7/12 of 70
    assert.deepEqual([...parts(1), ...parts(2)], [29.166667, 40.833333])
    // old period 2: no PN → even
    assert.deepEqual([...parts(3), ...parts(4)], [0.5, 0.5])
  })

  test('acceptances, prices and rates carry over; the input is not changed', ({ assert }) => {
    const day = days.get('2026-10-25')!
    const before = structuredClone(day)
    const out = resampleDayRecords(day, 15)
    assert.deepEqual(day, before)
    assert.deepEqual(out.boalf, day.boalf)
    assert.deepEqual(out.bmUnits, day.bmUnits)
    const of = <T extends { settlementPeriod: number }>(rows: T[], period: number) =>
      rows.filter((row) => row.settlementPeriod === period)
    for (const period of [1, 3, 50]) {
      for (const slot of [0, 1]) {
        const sub = 2 * (period - 1) + slot + 1
        assert.deepEqual(
          of(out.marketIndex, sub).map((row) => row.price),
          of(day.marketIndex, period).map((row) => row.price)
        )
        assert.equal(
          of(out.lolp, sub)[0].lossOfLoadProbability,
          of(day.lolp, period)[0].lossOfLoadProbability
        )
        assert.equal(
          of(out.netbsad, sub)[0].buyPricePriceAdjustment,
          of(day.netbsad, period)[0].buyPricePriceAdjustment
        )
        assert.deepEqual(
          of(out.mvrn, sub).map((row) => row.percentage),
          of(day.mvrn, period).map((row) => row.percentage)
        )
      }
    }
  })
})

test.group('rules_runtime/resample_day_records: settlement at shorter periods', () => {
  test('a demo day settles at {minutes} minutes with every invariant holding')
    .with([{ minutes: 15 as const }, { minutes: 5 as const }])
    .run(({ assert }, { minutes }) => {
      for (const day of days.values()) {
        const whole = run(day)
        const short = run(resampleDayRecords(day, minutes))
        assert.deepEqual(invariantProblems(short), [], `${day.settlementDate}`)
        const prices = short.frames.system_prices.columns.systemSellPrice
        assert.isTrue(prices.every(Number.isFinite), 'a price in every period')
        // every accepted MWh is paid once whatever the period length
        const cbm = (r: typeof whole) =>
          Array.from(r.frames.bm_unit_cashflows.columns.cbm).reduce((s, v) => s + v, 0)
        assert.closeTo(cbm(short), cbm(whole), 1e-6 * Math.max(1, Math.abs(cbm(whole))))
      }
    })
})

test.group('rules_runtime/resample_day_records: splitExact', () => {
  test('splits on a decimal grid whose parts add up exactly', ({ assert }) => {
    assert.deepEqual(
      splitExact(0.001, [1, 1, 1, 1, 1, 1]),
      [0.000166667, 0.000166667, 0.000166667, 0.000166667, 0.000166666, 0.000166666]
    )
    assert.equal(decimalSum(splitExact(0.001, [1, 1, 1, 1, 1, 1])), '0.001')
    assert.deepEqual(splitExact(-47.5, [1, 1]), [-23.75, -23.75])
    assert.deepEqual(splitExact(10, [1, 2, 0]), [3.333333, 6.666667, 0])
    assert.equal(decimalSum(splitExact(-1234567.891, [3, 1, 2])), '-1234567.891')
    assert.deepEqual(splitExact(0, [1, 1]), [0, 0])
    assert.deepEqual(splitExact(5, [0, 0]), [5, 0])
    assert.isTrue(splitExact(Number.NaN, [1, 1]).every(Number.isNaN))
  })
})
