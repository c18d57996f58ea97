import type { DayInputs } from '#rules_runtime/frames'
import type { ParallelRunPolicy } from '#rules_runtime/manifest'
import type { ColumnFrame } from '#rules_runtime/stage'
import { aggregate, type Movement } from '#settlement/actions/diff_runs'
import { runTotals } from '#settlement/runs/result_tables'
import { byParty, type DayComparison } from './parallel_report.js'

/**
 * Control against candidate for one settlement day, straight from the two
 * computations (nothing persisted): every numeric output `<frame>.<column>`
 * both produced, value by value within the plugin's declared tolerance
 * (manifest `parallelRun`), then the moved ones rolled up per party, per
 * BM Unit and per period as `settlement:diff` does (diff_runs.ts `aggregate`).
 * Ignored outputs are not compared; they are listed with their reasons.
 * Outputs only one side has are listed as added or removed, not counted as
 * changed values. When the candidate settles in shorter periods, values
 * cannot be paired: outputs per party, account or BM Unit are compared on
 * their daily totals per entity, and period or item outputs are skipped (named
 * in the notes). In movements, `a` is the control's value, `b` the candidate's.
 */
export interface ComputedSide {
  inputs: DayInputs
  frames: Record<string, ColumnFrame>
}

/** Used when a manifest declares no default tolerance. */
export const DEFAULT_TOLERANCE = 1e-9
const LISTED = 50

export function toleranceFor(policy: ParallelRunPolicy, output: string): number {
  return policy.tolerances[output] ?? policy.tolerances.default ?? DEFAULT_TOLERANCE
}

export function ignoredBy(policy: ParallelRunPolicy, frame: string, column: string) {
  return policy.ignore.find((rule) => rule.output === frame || rule.output === `${frame}.${column}`)
}

function entitiesOf(inputs: DayInputs) {
  return {
    entities: {
      party: inputs.parties.ids,
      account: inputs.accounts.ids,
      bmUnit: inputs.bmUnits.ids,
    } as Record<string, string[]>,
    partyOfAccount: inputs.accounts.party as Int32Array,
  }
}

/** The settlement period (0-based) of value `at` of a frame, or null for daily values. */
function periodOf(frame: ColumnFrame, at: number, entities: Record<string, string[]>) {
  if (frame.axis === 'period') return at
  if (frame.axis === 'item') {
    const offsets = frame.periodOffsets
    if (!offsets) return null
    let low = 0
    let high = offsets.length - 2
    while (low < high) {
      const mid = (low + high + 1) >> 1
      if (offsets[mid] <= at) low = mid
      else high = mid - 1
    }
    return low
  }
  return frame.perPeriod ? Math.floor(at / entities[frame.axis].length) : null
}

export function compareOutputs(
  control: ComputedSide,
  candidate: ComputedSide,
  policy: ParallelRunPolicy,
  options: { top?: number } = {}
): DayComparison {
  const top = options.top ?? 20
  const a = entitiesOf(control.inputs)
  const b = entitiesOf(candidate.inputs)
  const samePeriods = control.inputs.periods === candidate.inputs.periods
  const periods = Math.max(control.inputs.periods, candidate.inputs.periods)
  const totalsA = runTotals(control.inputs, control.frames)
  const totalsB = runTotals(candidate.inputs, candidate.frames)
  const result: DayComparison = {
    periods: { control: control.inputs.periods, candidate: candidate.inputs.periods },
    comparedValues: 0,
    changedValues: 0,
    maxAbsDiff: 0,
    totals: {},
    outputs: [],
    byParty: [],
    byBmUnit: [],
    byPeriod: [],
    topMovers: [],
    changedByPeriod: samePeriods ? new Array(periods).fill(0) : [],
    systemSellPrice: null,
    ignored: policy.ignore.map(({ output, reason }) => ({ output, reason })),
    notes: samePeriods
      ? []
      : [
          `The control settles ${control.inputs.periods} periods and the candidate ${candidate.inputs.periods}: ` +
            'outputs per party, account and BM Unit are compared on their daily totals, not period by period.',
        ],
  }
  for (const key of new Set([...Object.keys(totalsA), ...Object.keys(totalsB)])) {
    const [x, y] = [totalsA[key] ?? null, totalsB[key] ?? null]
    result.totals[key] = {
      control: x,
      candidate: y,
      delta: x === null || y === null ? null : y - x,
    }
  }
  const partyMoves: Movement[] = []
  const skipped: string[] = []
  const names = [...new Set([...Object.keys(control.frames), ...Object.keys(candidate.frames)])]
  for (const name of names.sort()) {
    const [fa, fb] = [control.frames[name], candidate.frames[name]]
    const columns = new Set([...Object.keys(fa?.columns ?? {}), ...Object.keys(fb?.columns ?? {})])
    for (const column of [...columns].sort()) {
      if (ignoredBy(policy, name, column)) continue
      const output = `${name}.${column}`
      const tolerance = toleranceFor(policy, output)
      const [va, vb] = [fa?.columns[column], fb?.columns[column]]
      if (!va || !vb) {
        result.outputs.push({
          output,
          status: va ? 'removed' : 'added',
          tolerance,
          compared: 'values',
          changedValues: 0,
          maxAbsDiff: 0,
          control: va ? aggregate(fa, column, a.entities, a.partyOfAccount, periods).total : null,
          candidate: vb ? aggregate(fb, column, b.entities, b.partyOfAccount, periods).total : null,
        })
        continue
      }
      const paired = samePeriods && va.length === vb.length && fa.axis === fb.axis
      if (!paired && (fa.axis === 'period' || fa.axis === 'item' || fa.axis !== fb.axis)) {
        skipped.push(output)
        continue
      }
      let changed = 0
      let maxAbsDiff = 0
      if (paired) {
        result.comparedValues += va.length
        for (const [i, element] of va.entries()) {
          const [x, y] = [element, vb[i]]
          if (x === y || (Number.isNaN(x) && Number.isNaN(y))) continue
          const diff = Math.abs(y - x)
          if (!(diff <= tolerance)) {
            changed++
            const period = periodOf(fa, i, a.entities)
            if (period !== null) result.changedByPeriod[period]++
          }
          if (diff > maxAbsDiff) maxAbsDiff = diff
        }
        // Within tolerance value by value: its daily sums are not movements either.
        result.maxAbsDiff = Math.max(result.maxAbsDiff, maxAbsDiff)
        if (changed === 0) continue
      }
      const ga = aggregate(fa, column, a.entities, a.partyOfAccount, periods)
      const gb = aggregate(fb, column, b.entities, b.partyOfAccount, periods)
      const moved = (x: number, y: number) => !(Math.abs(y - x) <= tolerance)
      const target =
        ga.entityAxis === 'party' ? partyMoves : ga.entityAxis === 'bmUnit' ? result.byBmUnit : null
      if (!paired) {
        // Daily totals per entity are what both sides share.
        const ids = new Set([...ga.byEntity.keys(), ...gb.byEntity.keys()])
        result.comparedValues += ids.size
        for (const id of ids) {
          const [x, y] = [ga.byEntity.get(id) ?? 0, gb.byEntity.get(id) ?? 0]
          if (moved(x, y)) changed++
          maxAbsDiff = Math.max(maxAbsDiff, Math.abs(y - x))
        }
      }
      if (target) {
        for (const id of new Set([...ga.byEntity.keys(), ...gb.byEntity.keys()])) {
          const [x, y] = [ga.byEntity.get(id) ?? 0, gb.byEntity.get(id) ?? 0]
          if (moved(x, y)) target.push({ frame: name, column, id, a: x, b: y, delta: y - x })
        }
      }
      if (paired && (fa.axis === 'period' || fa.axis === 'item' || fa.perPeriod)) {
        ga.byPeriod.forEach((x, j) => {
          const y = gb.byPeriod[j]
          if (moved(x, y))
            result.byPeriod.push({ frame: name, column, id: `P${j + 1}`, a: x, b: y, delta: y - x })
        })
      }
      result.changedValues += changed
      result.maxAbsDiff = Math.max(result.maxAbsDiff, maxAbsDiff)
      if (changed === 0) continue
      result.outputs.push({
        output,
        status: 'changed',
        tolerance,
        compared: paired ? 'values' : 'daily totals',
        changedValues: changed,
        maxAbsDiff,
        control: ga.total,
        candidate: gb.total,
      })
    }
  }
  const prices = [control, candidate].map(
    (side) => side.frames.system_prices?.columns.systemSellPrice
  )
  if (
    samePeriods &&
    prices[0] &&
    prices[1] &&
    !ignoredBy(policy, 'system_prices', 'systemSellPrice')
  ) {
    const plain = (column: ArrayLike<number>) =>
      Array.from(column, (value) => (Number.isNaN(value) ? null : value))
    result.systemSellPrice = { control: plain(prices[0]), candidate: plain(prices[1]) }
  }
  if (skipped.length) {
    result.notes.push(
      `Not compared, having no counterpart at the other period length: ${skipped.join(', ')}.`
    )
  }
  const biggest = (list: Movement[]) => list.sort((x, y) => Math.abs(y.delta) - Math.abs(x.delta))
  result.topMovers = biggest([...partyMoves, ...result.byBmUnit]).slice(0, top)
  result.byParty = byParty(partyMoves)
  result.byBmUnit = biggest(result.byBmUnit).slice(0, LISTED)
  result.byPeriod = biggest(result.byPeriod).slice(0, LISTED)
  return result
}
