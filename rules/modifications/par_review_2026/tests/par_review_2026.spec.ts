import { fileURLToPath } from 'node:url'
import { test } from '@japa/runner'
import type { DayRecords } from '../../../../app/rules_runtime/day_records.js'
import {
  applyParameterDeltas,
  loadParameterCatalogue,
  parametersOn,
} from '../../../../app/rules_runtime/parameters.js'
import { roundPrice } from '../../../../app/rules_runtime/rounding.js'
import { CHARGE_OUTPUTS, checkFixture, extractOutputs } from '../../_support/fixture_outputs.js'
import { invariantProblems } from '../../_support/invariants.js'
import {
  loadPlugin,
  readFixture,
  runRuleSet,
  type RuleSetRun,
} from '../../_support/plugin_harness.js'

/**
 * Same market day as the P462 fixture (2026-01-15): P20 is domain §8's worked example, P21 a long
 * period with 38.5 MWh of bids surviving NIV tagging at two prices, P22 a long period where one bid
 * (£60) is all that survives.
 */
const plugin = await loadPlugin(new URL('../', import.meta.url))
const day = readFixture<DayRecords>(plugin, 'input.json')
const baseline = runRuleSet(day)
const modified = runRuleSet(day, [plugin])
const PERIODS = [20, 21, 22]
const OUTPUTS = [...CHARGE_OUTPUTS, 'stack.parAdjustedVolume', 'energy_imbalance_charges.caei']

/** Main price over the NIV side recomputed from the stack: Σ PAR volume × TLM × final price / Σ PAR volume × TLM. */
function mainPriceFromStack(run: RuleSetRun, period: number): number {
  const stack = run.frames.stack
  const c = stack.columns
  let cost = 0
  let volume = 0
  for (let x = stack.periodOffsets![period - 1]; x < stack.periodOffsets![period]; x++) {
    if (!(c.parAdjustedVolume[x] !== 0) || Number.isNaN(c.parAdjustedVolume[x])) continue
    const weighted = c.parAdjustedVolume[x] * c.transmissionLossMultiplier[x]
    cost += weighted * c.finalPrice[x]
    volume += weighted
  }
  return roundPrice(cost / volume)
}

test.group('par_review_2026: fixture', () => {
  test('the baseline run matches expected_baseline.json', ({ assert }) => {
    const outputs = extractOutputs(baseline, OUTPUTS, PERIODS)
    assert.deepEqual(checkFixture(plugin, 'expected_baseline.json', baseline, outputs), [])
  })

  test('the baseline + PAR review run matches expected_modified.json', ({ assert }) => {
    const outputs = extractOutputs(modified, OUTPUTS, PERIODS)
    assert.deepEqual(checkFixture(plugin, 'expected_modified.json', modified, outputs), [])
  })

  test('is data only: same stages, PAR 50 MWh from 2026-01-01 and 1 MWh before', ({ assert }) => {
    assert.deepEqual(plugin.stages, [])
    assert.deepEqual(modified.order, baseline.order)
    const catalogue = applyParameterDeltas(
      loadParameterCatalogue(
        fileURLToPath(new URL('../../../baseline/parameters/', import.meta.url))
      ),
      plugin.spec.parameterDeltas
    )
    assert.equal(parametersOn(catalogue, '2025-12-31').values.par_volume, 1)
    const onDay = parametersOn(catalogue, '2026-01-15').sources.par_volume
    assert.deepInclude(onDay, {
      value: 50,
      effectiveFrom: '2026-01-01',
      file: 'par_review_2026/manifest.yaml',
    })
  })
})

test.group('par_review_2026: what changes', () => {
  test('the price averages up to 50 MWh of the NIV side instead of the marginal 1 MWh', ({
    assert,
  }) => {
    const sell = (run: RuleSetRun, p: number) =>
      run.frames.system_prices.columns.systemSellPrice[p - 1]
    // P20: 19.5 @ £90, 1.5 @ £100, 0.6 @ £120 and 1.0 repriced to £112 (22.6 MWh < PAR), TLM-weighted
    assert.equal(sell(baseline, 20), 116.81923)
    assert.equal(sell(modified, 20), 92.44484)
    // P21: 28.5 MWh of wind bids at −£40 and 10 MWh of CCGT bids at £60
    assert.equal(sell(baseline, 21), -40)
    assert.equal(sell(modified, 21), -13.83005)
    // P22: one price survives, so any PAR gives £60
    assert.equal(sell(baseline, 22), 60)
    assert.equal(sell(modified, 22), 60)
    for (const p of PERIODS) assert.equal(mainPriceFromStack(modified, p), sell(modified, p))
  })

  test('PAR tagging keeps min(PAR, |NIV|) on the NIV side; NIV and BM cashflows are unchanged', ({
    assert,
  }) => {
    const stack = modified.frames.stack
    for (const p of PERIODS) {
      const niv = modified.frames.system_prices.columns.netImbalanceVolume[p - 1]
      let par = 0
      for (let x = stack.periodOffsets![p - 1]; x < stack.periodOffsets![p]; x++) {
        const v = stack.columns.parAdjustedVolume[x]
        if (!Number.isNaN(v)) par += v
      }
      assert.closeTo(par, Math.sign(niv) * Math.min(50, Math.abs(niv)), 1e-9, `P${p}`)
    }
    assert.deepEqual(
      modified.frames.system_prices.columns.netImbalanceVolume,
      baseline.frames.system_prices.columns.netImbalanceVolume
    )
    assert.deepEqual(
      modified.frames.bm_unit_cashflows.columns.cbm,
      baseline.frames.bm_unit_cashflows.columns.cbm
    )
  })

  test('§9 invariants hold with PAR 50 MWh', ({ assert }) => {
    assert.deepEqual(invariantProblems(modified), [])
  })
})
