import { test } from '@japa/runner'
import { buildDayInputs, DayInputsError } from '../../../../app/rules_runtime/build_day_inputs.js'
import type { DayRecords } from '../../../../app/rules_runtime/day_records.js'
import { CHARGE_OUTPUTS, checkFixture, extractOutputs } from '../../_support/fixture_outputs.js'
import { invariantProblems } from '../../_support/invariants.js'
import {
  loadPlugin,
  readFixture,
  runRuleSet,
  undeclaredReads,
  type RuleSetRun,
} from '../../_support/plugin_harness.js'

/**
 * Fixture (2026-01-15): domain §8's market plus FlexCo (F), a VLP with one Secondary BM Unit
 * V__BFNMF001 on asset meters behind sites supplied by 2__BSUPC000, and a second supplier C.
 * Boundary Point vs asset-metered delivered volume: P20 1.6 vs 2.0 (offer of 2 MWh accepted),
 * P21 0.3 vs 0 (no action), P22 −2.4 vs −3.0 (bid of −3 MWh accepted).
 */
const plugin = await loadPlugin(new URL('../', import.meta.url))
const day = readFixture<DayRecords>(plugin, 'input.json')
const baseline = runRuleSet(day)
const modified = runRuleSet(day, [plugin])
const PERIODS = [20, 21, 22]
const OUTPUTS = [
  ...CHARGE_OUTPUTS,
  'metered_volumes.qm',
  'account_imbalance.qaei',
  'energy_imbalance_charges.caei',
  'non_delivery.cnd',
]
const VLP = 'V__BFNMF001'
const SUPPLIER = '2__BSUPC000'
const MOVED: Record<number, number> = { 20: 2.0 - 1.6, 21: 0 - 0.3, 22: -3.0 - -2.4 }

function unitValue(run: RuleSetRun, frame: string, column: string, unit: string, period: number) {
  const ids = run.inputs.bmUnits.ids
  return run.frames[frame].columns[column][(period - 1) * ids.length + ids.indexOf(unit)]
}

function accountValue(run: RuleSetRun, frame: string, column: string, id: string, period: number) {
  const ids = run.inputs.accounts.ids
  return run.frames[frame].columns[column][(period - 1) * ids.length + ids.indexOf(id)]
}

test.group('p375_asset_metering: fixture', () => {
  test('the baseline run matches expected_baseline.json', ({ assert }) => {
    const outputs = extractOutputs(baseline, OUTPUTS, PERIODS)
    assert.deepEqual(checkFixture(plugin, 'expected_baseline.json', baseline, outputs), [])
  })

  test('the baseline + P375 run matches expected_modified.json', ({ assert }) => {
    const outputs = extractOutputs(
      modified,
      [
        ...OUTPUTS,
        'metered_volumes.boundaryPointVolume',
        'metered_volumes.assetMeteringAdjustment',
      ],
      PERIODS
    )
    assert.deepEqual(checkFixture(plugin, 'expected_modified.json', modified, outputs), [])
  })

  test('P375 replaces metered_volumes and reads exactly what it declares', ({ assert }) => {
    assert.include(modified.order, 'p375_asset_metering:metered_volumes')
    assert.notInclude(modified.order, 'baseline:metered_volumes')
    for (const stage of plugin.stages) assert.deepEqual(undeclaredReads(modified, stage), [])
  })
})

test.group('p375_asset_metering: what changes', () => {
  test('the VLP unit meters its asset volume; its supplier carries the difference', ({
    assert,
  }) => {
    for (const p of PERIODS) {
      const qm = (run: RuleSetRun, unit: string) => unitValue(run, 'metered_volumes', 'qm', unit, p)
      assert.closeTo(qm(modified, VLP) - qm(baseline, VLP), MOVED[p], 1e-12, `VLP P${p}`)
      assert.closeTo(qm(modified, SUPPLIER) - qm(baseline, SUPPLIER), -MOVED[p], 1e-12)
      for (const unit of modified.inputs.bmUnits.ids) {
        if (unit !== VLP && unit !== SUPPLIER) assert.equal(qm(modified, unit), qm(baseline, unit))
      }
      const total = (run: RuleSetRun) =>
        modified.inputs.bmUnits.ids.reduce((s, u) => s + qm(run, u), 0)
      assert.closeTo(total(modified), total(baseline), 1e-9, `Σ QM P${p}`)
    }
    assert.deepEqual(
      [VLP, SUPPLIER].map((u) =>
        unitValue(modified, 'metered_volumes', 'boundaryPointVolume', u, 20)
      ),
      [1.6, -265]
    )
  })

  test('the VLP delivers exactly its accepted volume: no imbalance, no non-delivery', ({
    assert,
  }) => {
    for (const p of PERIODS) {
      assert.closeTo(accountValue(modified, 'account_imbalance', 'qaei', 'F-VBA', p), 0, 1e-12)
      assert.equal(unitValue(modified, 'non_delivery', 'cnd', VLP, p), 0)
    }
    // on Boundary Point data the VLP was 0.4 MWh short of its 2 MWh offer in P20 (£150/MWh)
    const sbp = baseline.frames.system_prices.columns.systemBuyPrice[19]
    assert.closeTo(unitValue(baseline, 'non_delivery', 'qndo', VLP, 20), 0.4, 1e-12)
    assert.closeTo(unitValue(baseline, 'non_delivery', 'cnd', VLP, 20), 0.4 * (150 - sbp), 1e-9)
  })

  test('prices and BM cashflows are unchanged; other parties move only through losses and RCRC', ({
    assert,
  }) => {
    for (const p of PERIODS) {
      const at = p - 1
      assert.equal(
        modified.frames.system_prices.columns.systemSellPrice[at],
        baseline.frames.system_prices.columns.systemSellPrice[at]
      )
    }
    assert.deepEqual(
      modified.frames.bm_unit_cashflows.columns.cbm,
      baseline.frames.bm_unit_cashflows.columns.cbm
    )
    const net = (run: RuleSetRun, party: string) =>
      run.frames.party_totals.columns.net[run.inputs.parties.ids.indexOf(party)]
    // FlexCo and SupplyCo carry the change; GenCo and OtherSupply move by pennies (TLM, RCRC share)
    assert.isAbove(Math.abs(net(modified, 'F') - net(baseline, 'F')), 10)
    assert.isAbove(Math.abs(net(modified, 'B') - net(baseline, 'B')), 10)
    assert.isBelow(Math.abs(net(modified, 'A') - net(baseline, 'A')), 2)
    assert.isBelow(Math.abs(net(modified, 'C') - net(baseline, 'C')), 0.1)
  })

  test('a day without asset-metered volumes settles exactly as the baseline', ({ assert }) => {
    const records = { ...day, assetMeteredVolumes: undefined }
    const plain = runRuleSet(records)
    const run = runRuleSet(records, [plugin])
    assert.isUndefined(run.inputs.assetMeteredVolume)
    for (const frame of ['metered_volumes', 'system_prices', 'party_totals', 'residual_cashflow']) {
      for (const [name, column] of Object.entries(plain.frames[frame].columns)) {
        assert.deepEqual(run.frames[frame].columns[name], column, `${frame}.${name}`)
      }
    }
  })

  test('no supplier, or a supplier without metered data, is reported', ({ assert }) => {
    const records = structuredClone(day)
    records.assetMeteredVolumes![0].supplierBmUnit = null
    records.meteredVolumes = records.meteredVolumes.filter(
      (m) => !(m.bmUnit === SUPPLIER && m.settlementPeriod === 21)
    )
    const run = runRuleSet(records, [plugin])
    const qm = (unit: string, p: number) => unitValue(run, 'metered_volumes', 'qm', unit, p)
    assert.equal(qm(VLP, 20), 2)
    assert.equal(qm(SUPPLIER, 20), -265)
    assert.equal(unitValue(run, 'metered_volumes', 'qmMissing', SUPPLIER, 21), 1)
    assert.equal(qm(SUPPLIER, 21), 0)
    const report = run.reports.get('metered_volumes')!
    assert.include(report.indicators, {
      assetMeteredUnitPeriods: 3,
      unitPeriodsWithoutSupplier: 1,
      supplierPeriodsMissingMeteredData: 1,
    })
    assert.deepEqual(report.details?.unitPeriodsWithoutSupplier, [`${VLP} P20`])
    assert.deepEqual(report.details?.supplierPeriodsMissingMeteredData, [`${SUPPLIER} P21`])
  })

  test('§9 invariants hold with P375', ({ assert }) => {
    assert.deepEqual(invariantProblems(modified), [])
  })
})

test.group('p375_asset_metering: asset-metered volume input', () => {
  const problems = (records: DayRecords) => {
    try {
      buildDayInputs(records)
      return []
    } catch (error) {
      if (error instanceof DayInputsError) return error.problems
      throw error
    }
  }

  test('builds period-major volume and supplier columns, NaN / −1 where none', ({ assert }) => {
    const ids = modified.inputs.bmUnits.ids
    const at = 19 * ids.length + ids.indexOf(VLP)
    assert.equal(modified.inputs.assetMeteredVolume![at], 2)
    assert.equal(modified.inputs.assetMeteredSupplier![at], ids.indexOf(SUPPLIER))
    assert.isTrue(Number.isNaN(modified.inputs.assetMeteredVolume![at - 1]))
    assert.equal(modified.inputs.assetMeteredSupplier![at - 1], -1)
  })

  test('rejects unknown units, duplicates and a unit hosting itself', ({ assert }) => {
    const records = structuredClone(day)
    records.assetMeteredVolumes!.push(
      { bmUnit: VLP, settlementPeriod: 20, volume: 1, supplierBmUnit: SUPPLIER },
      { bmUnit: 'V__XNOPE001', settlementPeriod: 20, volume: 1 },
      { bmUnit: VLP, settlementPeriod: 23, volume: 1, supplierBmUnit: VLP },
      { bmUnit: VLP, settlementPeriod: 24, volume: Number.NaN, supplierBmUnit: '2__NOPE000' }
    )
    const found = problems(records)
    assert.lengthOf(found, 5)
    assert.match(found[0], /assetMeteredVolumes\[3\].*second asset-metered volume/)
    assert.match(found[1], /assetMeteredVolumes\[4\].*bmUnit "V__XNOPE001" is not known/)
    assert.match(found[2], /assetMeteredVolumes\[5\].*must differ from bmUnit/)
    assert.match(found[3], /assetMeteredVolumes\[6\].*"2__NOPE000" is not known/)
    assert.match(found[4], /assetMeteredVolumes\[6\].*volume must be a finite number/)
  })
})
