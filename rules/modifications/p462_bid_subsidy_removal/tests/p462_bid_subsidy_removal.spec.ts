import { test } from '@japa/runner'
import type { DayRecords } from '../../../../app/rules_runtime/day_records.js'
import { CHARGE_OUTPUTS, checkFixture, extractOutputs } from '../../_support/fixture_outputs.js'
import { invariantProblems } from '../../_support/invariants.js'
import {
  loadPlugin,
  readFixture,
  runRuleSet,
  undeclaredReads,
} from '../../_support/plugin_harness.js'

/**
 * Fixture (2026-01-15): period 20 is domain §8's worked example (short; a negative SO-flagged wind
 * bid is NIV-tagged out), period 21 is long and a wind bid at −£40/MWh sets the price, period 22 is
 * long but the negative wind bid is the first volume NIV tagging removes.
 */
const plugin = await loadPlugin(new URL('../', import.meta.url))
const day = readFixture<DayRecords>(plugin, 'input.json')
const baseline = runRuleSet(day)
const modified = runRuleSet(day, [plugin])
const PERIODS = [20, 21, 22]
const OUTPUTS = [
  ...CHARGE_OUTPUTS,
  'stack.originalPrice',
  'stack.finalPrice',
  'stack.parAdjustedVolume',
  'energy_imbalance_charges.caei',
  'non_delivery.cnd',
]
const price = (run: typeof baseline, period: number) =>
  run.frames.system_prices.columns.systemSellPrice[period - 1]

test.group('p462_bid_subsidy_removal: fixture', () => {
  test('the baseline run matches expected_baseline.json', ({ assert }) => {
    const outputs = extractOutputs(baseline, OUTPUTS, PERIODS)
    assert.deepEqual(checkFixture(plugin, 'expected_baseline.json', baseline, outputs), [])
  })

  test('the baseline + P462 run matches expected_modified.json', ({ assert }) => {
    const outputs = extractOutputs(modified, OUTPUTS, PERIODS)
    assert.deepEqual(checkFixture(plugin, 'expected_modified.json', modified, outputs), [])
  })

  test('the bid transform runs between stack_items and the overriding imbalance price', ({
    assert,
  }) => {
    const order = modified.order
    const at = (entry: string) => order.indexOf(entry)
    assert.equal(
      at('p462_bid_subsidy_removal:p462_bid_price_adjustment'),
      at('baseline:stack_items') + 1
    )
    assert.equal(
      at('p462_bid_subsidy_removal:imbalance_price'),
      at('p462_bid_subsidy_removal:p462_bid_price_adjustment') + 1
    )
    assert.notInclude(order, 'baseline:imbalance_price')
    for (const stage of plugin.stages) assert.deepEqual(undeclaredReads(modified, stage), [])
  })
})

test.group('p462_bid_subsidy_removal: what changes', () => {
  test('the price moves only where a negative bid sets it: P21 −40 → 0 (the floor)', ({
    assert,
  }) => {
    assert.equal(price(baseline, 20), 116.81923)
    assert.equal(price(modified, 20), 116.81923)
    assert.equal(price(baseline, 21), -40)
    assert.equal(price(modified, 21), 0)
    // P22: the −£40 wind bid is removed by NIV tagging, the CCGT bid at £60 sets the price
    assert.equal(price(baseline, 22), 60)
    assert.equal(price(modified, 22), 60)
    for (let p = 1; p <= baseline.inputs.periods; p++) {
      if (p === 21) continue
      assert.equal(price(modified, p), price(baseline, p), `P${p}`)
    }
    assert.deepEqual(
      modified.frames.system_prices.columns.netImbalanceVolume,
      baseline.frames.system_prices.columns.netImbalanceVolume
    )
  })

  test('only accepted bids below the floor are repriced, by exactly the subsidy', ({ assert }) => {
    const items = modified.frames.p462_stack_items
    const ids = items.labels!.id
    const adjusted = new Map<string, number>()
    items.columns.subsidyAdjustment.forEach((value, x) => {
      if (value !== 0) adjusted.set(`${ids[x]}/${items.columns.acceptanceId[x]}`, value)
    })
    // wind bids at −£40: k102 (P20, SO-flagged), k106 (P21), k109 (P22)
    assert.deepEqual(Object.fromEntries(adjusted), {
      'E_WIND-1/102': 40,
      'E_WIND-1/106': 40,
      'E_WIND-1/109': 40,
    })
    assert.deepEqual(
      modified.frames.stack.columns.originalPrice,
      baseline.frames.stack.columns.originalPrice
    )
  })

  test('BM cashflows still pay the submitted bid price; imbalance charges follow the price', ({
    assert,
  }) => {
    assert.deepEqual(
      modified.frames.bm_unit_cashflows.columns.cbm,
      baseline.frames.bm_unit_cashflows.columns.cbm
    )
    const accounts = modified.inputs.accounts.ids.length
    const qaei = modified.frames.account_imbalance.columns.qaei
    for (let a = 0; a < accounts; a++) {
      const at = 20 * accounts + a // period 21
      assert.equal(modified.frames.energy_imbalance_charges.columns.caei[at], -qaei[at] * 0 || 0)
      assert.closeTo(
        baseline.frames.energy_imbalance_charges.columns.caei[at],
        -qaei[at] * -40,
        1e-9
      )
    }
    // wind delivered 0.2 MWh more than its bid left it (20.2 vs 20): non-delivered bid volume,
    // charged at max(SSP − bid price, 0) = (0 − (−40)) × 0.2 = £8 under P462, £0 in the baseline
    const units = modified.inputs.bmUnits.ids
    const wind = 20 * units.length + units.indexOf('E_WIND-1')
    assert.closeTo(modified.frames.non_delivery.columns.qndb[wind], 0.2, 1e-9)
    assert.closeTo(modified.frames.non_delivery.columns.cnd[wind], 8, 1e-9)
    assert.equal(baseline.frames.non_delivery.columns.cnd[wind], 0)
  })

  test('a floor below every bid price gives the baseline result exactly', ({ assert }) => {
    const floor = { name: 'p462_bid_price_floor', values: { '2026-01-01': -1000 } }
    const spec = { ...plugin.spec, parameterDeltas: [...plugin.spec.parameterDeltas, floor] }
    const lowFloor = { ...plugin, spec }
    const run = runRuleSet(day, [lowFloor])
    assert.deepEqual(run.frames.system_prices.columns, baseline.frames.system_prices.columns)
    assert.deepEqual(run.frames.party_totals.columns, baseline.frames.party_totals.columns)
  })

  test('§9 invariants hold with P462', ({ assert }) => {
    assert.deepEqual(invariantProblems(modified), [])
  })
})
