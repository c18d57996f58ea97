/**
 * The shared test suite of the sandbox plugins that shorten the settlement period (15 and 5
 * minutes). Their fixture is a 30-minute day; the harness resamples it to the rule set's
 * `settlement_period_minutes` as the loader does, then runs every baseline stage at that length.
 */
import { test } from '@japa/runner'
import type { DayRecords } from '../../../app/rules_runtime/day_records.js'
import { CHARGE_OUTPUTS, checkFixture, extractOutputs } from './fixture_outputs.js'
import { invariantProblems } from './invariants.js'
import { loadPlugin, readFixture, runRuleSet, type RuleSetRun } from './plugin_harness.js'

/** Σ of a per-period column over the whole day for each entity (or the period axis). */
function dayTotals(run: RuleSetRun, frame: string, column: string, count: number): number[] {
  const values = run.frames[frame].columns[column]
  const totals = new Array<number>(count).fill(0)
  for (let at = 0; at < values.length; at++) totals[at % count] += values[at]
  return totals
}

/** Defines the suite for the plugin in `pluginDir` (await it at the top of the spec file). */
export async function shortPeriodsSuite(pluginDir: URL, minutes: 15 | 5, periodsOnTheDay: number) {
  const factor = 30 / minutes
  const plugin = await loadPlugin(pluginDir)
  const day = readFixture<DayRecords>(plugin, 'input.json')
  const baseline = runRuleSet(day)
  const modified = runRuleSet(day, [plugin])
  const id = plugin.manifest.id
  // per-period outputs are recorded for the periods the fixture has data for
  const last = Math.max(...day.meteredVolumes.map((m) => m.settlementPeriod))
  const periods = (count: number) => Array.from({ length: count }, (_, i) => i + 1)

  test.group(`${id}: fixture`, () => {
    test('the 30-minute baseline run matches expected_baseline.json', ({ assert }) => {
      const outputs = extractOutputs(baseline, CHARGE_OUTPUTS, periods(last))
      assert.deepEqual(checkFixture(plugin, 'expected_baseline.json', baseline, outputs), [])
    })

    test(`the ${minutes}-minute run matches expected_modified.json`, ({ assert }) => {
      const outputs = extractOutputs(modified, CHARGE_OUTPUTS, periods(last * factor))
      assert.deepEqual(checkFixture(plugin, 'expected_modified.json', modified, outputs), [])
    })

    test('is a sandbox-only parameter change', ({ assert }) => {
      assert.equal(plugin.manifest.mode, 'sandbox')
      assert.deepEqual(plugin.stages, [])
      assert.equal(modified.params.settlement_period_minutes, minutes)
      assert.deepEqual(modified.order, baseline.order)
    })
  })

  test.group(`${id}: every stage at ${minutes} minutes`, () => {
    test(`the clock-change day has ${periodsOnTheDay} periods on the same UTC line`, ({
      assert,
    }) => {
      assert.equal(modified.inputs.periodMinutes, minutes)
      assert.equal(modified.inputs.periods, baseline.inputs.periods * factor)
      assert.equal(modified.inputs.periods, periodsOnTheDay)
      assert.equal(modified.inputs.dayStart, baseline.inputs.dayStart)
      assert.lengthOf(modified.frames.system_prices.columns.systemSellPrice, periodsOnTheDay)
    })

    test('energy, BM cashflows and BSAD keep their daily totals', ({ assert }) => {
      const units = baseline.inputs.bmUnits.ids.length
      for (const [frame, column] of [
        ['metered_volumes', 'qm'],
        ['bm_unit_volumes', 'fpn'],
        ['bm_unit_volumes', 'qao'],
        ['bm_unit_volumes', 'qab'],
        ['bm_unit_volumes', 'qas'],
        ['bm_unit_cashflows', 'cbm'],
      ]) {
        const before = dayTotals(baseline, frame, column, units)
        dayTotals(modified, frame, column, units).forEach((total, u) =>
          assert.closeTo(
            total,
            before[u],
            1e-9,
            `${frame}.${column} ${baseline.inputs.bmUnits.ids[u]}`
          )
        )
      }
      for (const column of ['totalAdjustmentBuyVolume', 'totalAdjustmentSellVolume']) {
        const total = (run: RuleSetRun) =>
          Array.from(run.frames.system_prices.columns[column]).reduce(
            (s, v) => s + (Number.isNaN(v) ? 0 : v),
            0
          )
        assert.closeTo(total(modified), total(baseline), 1e-9, column)
      }
      const soBm = (run: RuleSetRun) => dayTotals(run, 'system_operator_cashflows', 'csobm', 1)[0]
      assert.closeTo(soBm(modified), soBm(baseline), 1e-9)
    })

    test('prices are made per short period: a period and its parts share the MIP', ({ assert }) => {
      const mip = (run: RuleSetRun, p: number) =>
        run.frames.price_inputs.columns.marketIndexPrice[p - 1]
      for (let p = 1; p <= baseline.inputs.periods; p++) {
        for (let s = 1; s <= factor; s++)
          assert.equal(mip(modified, (p - 1) * factor + s), mip(baseline, p))
      }
      const codes = modified.frames.system_prices.labels!.priceDerivationCode
      assert.includeMembers([...new Set(codes)], ['P', 'N'])
    })

    test('§9 invariants hold in every short period', ({ assert }) => {
      assert.deepEqual(invariantProblems(modified), [])
      assert.deepEqual(invariantProblems(baseline), [])
    })
  })
}
