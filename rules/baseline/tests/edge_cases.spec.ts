import { test } from '@japa/runner'
import { DayInputsError } from '../../../app/rules_runtime/build_day_inputs.js'
import { acceptance, at, emptyDay, metered, pair, pn } from './support/day_builder.js'
import { itemRows, run } from './support/harness.js'

/** A generator with one accepted offer in `period`, balanced by a supplier. */
function dayWithOffer(date: string, period: number, periodMinutes = 30) {
  const day = emptyDay(
    date,
    [
      { id: 'T_G-1', party: 'A' },
      { id: '2__BSUP000', party: 'B', pc: 'C' },
    ],
    periodMinutes
  )
  pn(day, 'T_G-1', period, 100)
  pair(day, 'T_G-1', period, 1, 50, 80, 70)
  acceptance(day, 'T_G-1', 1, [
    [period, 0, 120],
    [period, periodMinutes, 120],
  ])
  metered(day, 'T_G-1', period, (120 * periodMinutes) / 60)
  metered(day, '2__BSUP000', period, (-120 * periodMinutes) / 60)
  return day
}

test.group('baseline: clock-change days and period lengths', () => {
  for (const [date, periods] of [
    ['2024-03-31', 46],
    ['2024-10-27', 50],
  ] as const) {
    test(`${date} has ${periods} periods and settles its last one`, ({ assert }) => {
      const day = dayWithOffer(date, periods)
      const { inputs, frames } = run(day)
      assert.equal(inputs.periods, periods)
      assert.lengthOf(frames.system_prices.columns.systemBuyPrice, periods)
      assert.lengthOf(frames.bm_unit_cashflows.columns.cbm, periods * 2)
      assert.equal(frames.system_prices.columns.systemBuyPrice[periods - 1], 80)
      assert.equal(frames.bm_unit_cashflows.columns.cbm[(periods - 1) * 2 + 1], 10 * 80) // T_G-1 is index 1
      assert.equal(frames.party_totals.columns.bmUnitCashflow[0], 800)
    })
  }

  test('a record in period 47 of a 46-period day is rejected, naming the record', ({ assert }) => {
    const day = dayWithOffer('2024-03-31', 46)
    metered(day, 'T_G-1', 47, 1)
    assert.throws(
      () => run(day),
      /meteredVolumes\[2\]: settlementPeriod must be an integer from 1 to 46, got 47/
    )
    assert.throws(() => run(day), DayInputsError as never)
  })

  test('15-minute periods (sandbox) integrate over 15 minutes', ({ assert }) => {
    const day = dayWithOffer('2024-06-12', 60, 15)
    const { inputs, frames } = run(day)
    assert.equal(inputs.periods, 96)
    const g = inputs.bmUnits.ids.indexOf('T_G-1')
    assert.equal(frames.bm_unit_volumes.columns.qao[59 * 2 + g], 5)
    assert.equal(at(day, 60, 0), '2024-06-12T13:45:00Z') // BST: period 1 starts 23:00 the day before
  })
})

test.group('baseline: missing data', () => {
  test('a BM Unit with no metered data settles at QM = 0: its offers count as not delivered', ({
    assert,
  }) => {
    const day = dayWithOffer('2024-01-10', 5)
    day.meteredVolumes = day.meteredVolumes.filter((m) => m.bmUnit !== 'T_G-1')
    const result = run(day)
    const g = result.inputs.bmUnits.ids.indexOf('T_G-1')
    const at5 = 4 * 2 + g
    assert.equal(result.frames.metered_volumes.columns.qm[at5], 0)
    assert.equal(result.frames.metered_volumes.columns.qmMissing[at5], 1)
    assert.equal(result.frames.non_delivery.columns.qndo[at5], 10)
    assert.equal(result.frames.information_imbalance.columns.qii[at5], -60)
    assert.include(
      result.report('metered_volumes').details?.bmUnitsMissingMeteredData ?? [],
      'T_G-1'
    )
  })

  test('a day with no data at all prices every period at MIP = 0 and charges nothing', ({
    assert,
  }) => {
    const day = emptyDay('2024-01-10', [{ id: 'T_G-1', party: 'A' }])
    const { frames } = run(day)
    assert.deepEqual([...new Set(frames.system_prices.labels!.priceDerivationCode)], ['L'])
    assert.deepEqual([...frames.party_totals.columns.net], [0])
    assert.lengthOf(itemRows(frames.stack, 1), 0)
  })
})
