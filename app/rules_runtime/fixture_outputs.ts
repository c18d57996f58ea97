import type { DayInputs } from './frames.js'
import type { ColumnFrame } from './stage.js'

/**
 * A plugin's fixture files (`fixtures/expected_baseline.json`,
 * `expected_modified.json`) and their comparison with a run, within the
 * manifest's parallel-run tolerances:
 *
 *   { "ruleSet": "baseline@1+p462@1", "settlementDate": "2026-01-15", "periodMinutes": 30,
 *     "outputs": { "system_prices.systemSellPrice": { "P1": 71.2, "P2": null, … },
 *                  "party_totals.net": { "A": -1520.15, … } } }
 *
 * Rows are named by entity and period (`T_GEN-1/P20`), period (`P20`),
 * entity (`A`, day frames) or, for stack items, period/id/acceptance/pair/side
 * (`P21/E_WIND-1/106/-1/bid`); null is NaN. Only the outputs and rows a file
 * lists are compared.
 */
export type OutputValues = Record<string, Record<string, number | string | null>>

export interface ExpectedOutputs {
  ruleSet: string
  settlementDate: string
  periodMinutes: number
  outputs: OutputValues
}

export function rowNames(frame: ColumnFrame, inputs: DayInputs): string[] {
  if (frame.axis === 'item') {
    const offsets = frame.periodOffsets!
    const { acceptanceId, bidOfferPairId, side } = frame.columns
    const ids = frame.labels?.id ?? []
    const names: string[] = []
    for (let slot = 0; slot + 1 < offsets.length; slot++) {
      for (let row = offsets[slot]; row < offsets[slot + 1]; row++) {
        const parts = [`P${slot + 1}`, ids[row] ?? `#${row}`]
        if (acceptanceId && acceptanceId[row] >= 0) parts.push(String(acceptanceId[row]))
        if (bidOfferPairId && bidOfferPairId[row] !== 0) parts.push(String(bidOfferPairId[row]))
        if (side) parts.push(side[row] === 0 ? 'offer' : 'bid')
        names.push(parts.join('/'))
      }
    }
    return names
  }
  const ids = {
    bmUnit: inputs.bmUnits.ids,
    account: inputs.accounts.ids,
    party: inputs.parties.ids,
    period: ['day'],
  }[frame.axis]
  if (!frame.perPeriod) return [...ids]
  const names: string[] = []
  for (let period = 1; period <= inputs.periods; period++) {
    for (const id of ids) names.push(frame.axis === 'period' ? `P${period}` : `${id}/P${period}`)
  }
  return names
}

function cell(frame: ColumnFrame, column: string, row: number): number | string | null {
  const numbers = frame.columns[column]
  if (numbers) return Number.isNaN(numbers[row]) ? null : numbers[row]
  return frame.labels?.[column]?.[row] ?? null
}

/**
 * Differences between a run and an expected file, each naming output, row,
 * both values and the tolerance: `<frame>.<column>`'s own, else `<frame>`'s,
 * else `default`.
 */
export function compareOutputs(
  frames: Record<string, ColumnFrame>,
  inputs: DayInputs,
  expected: OutputValues,
  tolerances: Record<string, number>
): string[] {
  const problems: string[] = []
  for (const [name, rows] of Object.entries(expected)) {
    const [frameName, column] = name.split('.')
    const frame = frames[frameName]
    if (!frame || !column || !(frame.columns[column] || frame.labels?.[column])) {
      problems.push(`${name}: the run wrote no such output`)
      continue
    }
    const tolerance = tolerances[name] ?? tolerances[frameName] ?? tolerances.default ?? 0
    const index = new Map(rowNames(frame, inputs).map((row, at) => [row, at]))
    for (const [row, want] of Object.entries(rows)) {
      const at = index.get(row)
      const got = at === undefined ? undefined : cell(frame, column, at)
      const same =
        typeof got === 'number' && typeof want === 'number'
          ? Math.abs(got - want) <= tolerance
          : got === want
      if (!same) problems.push(`${name}[${row}]: expected ${want}, got ${got} (±${tolerance})`)
    }
  }
  return problems
}
