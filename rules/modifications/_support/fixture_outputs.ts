/**
 * The outputs of a fixture run that matter, keyed the way plugin manifests name them
 * (`<frame>.<column>`), written to and compared with `expected_*.json` in the runtime's fixture
 * format (app/rules_runtime/fixture_outputs.ts: row names, tolerances).
 *
 * `UPDATE_FIXTURES=1` rewrites the expected files from the current run instead of comparing (after
 * a deliberate rule change; review the diff before keeping it).
 */
import { readFileSync, writeFileSync } from 'node:fs'
import {
  compareOutputs,
  rowNames,
  type ExpectedOutputs,
  type OutputValues,
} from '../../../app/rules_runtime/fixture_outputs.js'
import type { LoadedPlugin, RuleSetRun } from './plugin_harness.js'

/** The outputs every plugin fixture records: prices and each party's daily charges. */
export const CHARGE_OUTPUTS = [
  'system_prices.systemSellPrice',
  'system_prices.systemBuyPrice',
  'system_prices.netImbalanceVolume',
  'system_prices.replacementPrice',
  'system_prices.priceDerivationCode',
  'party_totals.bmUnitCashflow',
  'party_totals.nonDeliveryCharge',
  'party_totals.energyImbalanceCashflow',
  'party_totals.informationImbalanceCharge',
  'party_totals.residualCashflow',
  'party_totals.net',
  'system_operator_totals.soBmCashflow',
]

/** `names` as `<frame>.<column>`; per-period rows only for `periods` (whole day when omitted). */
export function extractOutputs(run: RuleSetRun, names: string[], periods?: number[]): OutputValues {
  const outputs: OutputValues = {}
  for (const name of names) {
    const [frameName, column] = name.split('.')
    const frame = run.frames[frameName]
    const values = frame?.columns[column] ?? frame?.labels?.[column]
    if (!values) throw new Error(`the run wrote no output "${name}"`)
    const rows: Record<string, number | string | null> = {}
    rowNames(frame, run.inputs).forEach((row, at) => {
      const period = /(?:^|\/)P(\d+)(?:\/|$)/.exec(row)
      if (periods && period && !periods.includes(Number(period[1]))) return
      const value = values[at]
      rows[row] = typeof value === 'number' && Number.isNaN(value) ? null : value
    })
    outputs[name] = rows
  }
  return outputs
}

/** Compares with `fixtures/<file>` (or rewrites it under UPDATE_FIXTURES=1); returns differences. */
export function checkFixture(
  plugin: LoadedPlugin,
  file: string,
  run: RuleSetRun,
  outputs: OutputValues
): string[] {
  const path = new URL(`fixtures/${file}`, plugin.dir)
  if (process.env.UPDATE_FIXTURES === '1') {
    const expected: ExpectedOutputs = {
      ruleSet: run.key,
      settlementDate: run.inputs.settlementDate,
      periodMinutes: run.inputs.periodMinutes,
      outputs,
    }
    writeFileSync(path, `${JSON.stringify(expected, null, 1)}\n`)
    return []
  }
  const expected = JSON.parse(readFileSync(path, 'utf8')) as ExpectedOutputs
  const header =
    expected.ruleSet === run.key && expected.periodMinutes === run.inputs.periodMinutes
      ? []
      : [`${file} was made by ${expected.ruleSet} at ${expected.periodMinutes} min, not ${run.key}`]
  const missing = Object.keys(outputs).flatMap((name) =>
    Object.keys(outputs[name])
      .filter((row) => !(row in (expected.outputs[name] ?? {})))
      .map((row) => `${name}[${row}]: not in ${file}`)
  )
  const tolerances = plugin.manifest.parallelRun.tolerances
  return [
    ...header,
    ...missing,
    ...compareOutputs(run.frames, run.inputs, expected.outputs, tolerances),
  ]
}
