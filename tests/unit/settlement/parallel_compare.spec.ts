import { test } from '@japa/runner'
import type { DayInputs } from '#rules_runtime/frames'
import type { ColumnFrame } from '#rules_runtime/stage'
import { compareOutputs, DEFAULT_TOLERANCE } from '#settlement/parallel/compare_outputs'
import { summarise, type ParallelDayReport } from '#settlement/parallel/parallel_report'

/**
 * The comparison of a parallel run on hand-made frames: tolerances per output
 * and by default, ignored outputs, added outputs, movements per party / BM
 * Unit / period, and days settled at different period lengths.
 */
const PARTIES = ['ALPHA', 'BRAVO']
const UNITS = ['T_ONE-1', 'T_TWO-1', 'E_THREE-1']

function inputs(periods: number): DayInputs {
  return {
    periods,
    periodMinutes: 1440 / periods,
    parties: { ids: PARTIES, names: PARTIES },
    accounts: { ids: ['ALPHA_P', 'BRAVO_C'], party: Int32Array.from([0, 1]) },
    bmUnits: { ids: UNITS },
  } as unknown as DayInputs
}

const partyTotals = (net: number[], other = [1, 2]): ColumnFrame => ({
  axis: 'party',
  perPeriod: false,
  columns: { net: Float64Array.from(net), other: Float64Array.from(other) },
})
const prices = (values: number[]): ColumnFrame => ({
  axis: 'period',
  perPeriod: true,
  columns: { systemSellPrice: Float64Array.from(values) },
})
/** BM Unit × period, period-major. */
const cashflows = (values: number[]): ColumnFrame => ({
  axis: 'bmUnit',
  perPeriod: true,
  columns: { cashflow: Float64Array.from(values) },
})

const policy = (
  tolerances: Record<string, number>,
  ignore: { output: string; reason: string }[] = []
) => ({
  tolerances,
  ignore,
})

test.group('Parallel run comparison', () => {
  test('identical outputs: nothing changed, nothing moved', ({ assert }) => {
    const side = {
      inputs: inputs(2),
      frames: { party_totals: partyTotals([10, -5]), system_prices: prices([50, 60]) },
    }
    const result = compareOutputs(side, side, policy({}))
    assert.equal(result.changedValues, 0)
    assert.equal(result.comparedValues, 6)
    assert.equal(result.maxAbsDiff, 0)
    assert.deepEqual(result.outputs, [])
    assert.deepEqual(result.byParty, [])
    assert.deepEqual(result.changedByPeriod, [0, 0])
    assert.deepEqual(result.systemSellPrice, { control: [50, 60], candidate: [50, 60] })
  })

  test('a difference within the output tolerance is not a change; beyond it is', ({ assert }) => {
    const control = { inputs: inputs(2), frames: { party_totals: partyTotals([10, -5]) } }
    const within = { inputs: inputs(2), frames: { party_totals: partyTotals([10.004, -5]) } }
    const beyond = { inputs: inputs(2), frames: { party_totals: partyTotals([10.004, -5.006]) } }
    const rules = policy({ 'default': 0.000001, 'party_totals.net': 0.005 })
    const quiet = compareOutputs(control, within, rules)
    assert.equal(quiet.changedValues, 0)
    assert.closeTo(quiet.maxAbsDiff, 0.004, 1e-9)
    assert.deepEqual(quiet.byParty, [])
    const moved = compareOutputs(control, beyond, rules)
    assert.equal(moved.changedValues, 1)
    assert.closeTo(moved.maxAbsDiff, 0.006, 1e-9)
    assert.lengthOf(moved.byParty, 1)
    assert.equal(moved.byParty[0].partyId, 'BRAVO')
    assert.closeTo(moved.byParty[0].fields['party_totals.net'].delta, -0.006, 1e-9)
    assert.deepInclude(moved.outputs[0], {
      output: 'party_totals.net',
      status: 'changed',
      tolerance: 0.005,
      changedValues: 1,
    })
    // Without a declared tolerance, the smallest difference counts.
    assert.equal(compareOutputs(control, within, policy({})).changedValues, 1)
    assert.isBelow(DEFAULT_TOLERANCE, 0.004)
  })

  test('ignored outputs are listed with their reasons and never compared', ({ assert }) => {
    const control = {
      inputs: inputs(2),
      frames: { party_totals: partyTotals([10, -5], [1, 2]), system_prices: prices([50, 60]) },
    }
    const candidate = {
      inputs: inputs(2),
      frames: { party_totals: partyTotals([10, -5], [9, 9]), system_prices: prices([70, 60]) },
    }
    const ignore = [
      { output: 'system_prices', reason: 'prices change by design' },
      { output: 'party_totals.other', reason: 'not a charge' },
    ]
    const result = compareOutputs(control, candidate, policy({}, ignore))
    assert.equal(result.changedValues, 0)
    assert.equal(result.comparedValues, 2)
    assert.deepEqual(result.ignored, ignore)
    assert.isNull(result.systemSellPrice)
  })

  test('moved values are rolled up per BM Unit and per period, largest first', ({ assert }) => {
    const control = { inputs: inputs(2), frames: { cashflows: cashflows([1, 2, 3, 4, 5, 6]) } }
    const candidate = { inputs: inputs(2), frames: { cashflows: cashflows([1, 2, 13, 4, 5, 7]) } }
    const result = compareOutputs(control, candidate, policy({}))
    assert.equal(result.changedValues, 2)
    assert.equal(result.maxAbsDiff, 10)
    assert.deepEqual(
      result.byBmUnit.map((m) => [m.id, m.a, m.b, m.delta]),
      [['E_THREE-1', 9, 20, 11]]
    )
    assert.deepEqual(
      result.byPeriod.map((m) => [m.id, m.delta]),
      [
        ['P1', 10],
        ['P2', 1],
      ]
    )
    assert.deepEqual(result.changedByPeriod, [1, 1])
    assert.equal(result.topMovers[0].id, 'E_THREE-1')
  })

  test('an output only the candidate has is listed as added, not counted as changed', ({
    assert,
  }) => {
    const control = { inputs: inputs(2), frames: { party_totals: partyTotals([1, 2]) } }
    const candidate = {
      inputs: inputs(2),
      frames: { party_totals: partyTotals([1, 2]), extra: prices([3, 4]) },
    }
    const result = compareOutputs(control, candidate, policy({}))
    assert.equal(result.changedValues, 0)
    assert.deepInclude(result.outputs[0], { output: 'extra.systemSellPrice', status: 'added' })
  })

  test('at another period length, entity outputs compare on daily totals; period outputs are skipped', ({
    assert,
  }) => {
    const control = {
      inputs: inputs(2),
      frames: { cashflows: cashflows([1, 2, 3, 4, 5, 6]), system_prices: prices([50, 60]) },
    }
    // Four periods: the same daily totals for T_ONE-1 and T_TWO-1, E_THREE-1 moves by 2.
    const candidate = {
      inputs: inputs(4),
      frames: {
        cashflows: cashflows([0.5, 1, 1.5, 0.5, 1, 1.5, 2, 2.5, 3, 2, 2.5, 5]),
        system_prices: prices([1, 2, 3, 4]),
      },
    }
    const result = compareOutputs(control, candidate, policy({}))
    assert.deepEqual(result.periods, { control: 2, candidate: 4 })
    assert.equal(result.comparedValues, 3)
    assert.equal(result.changedValues, 1)
    assert.deepEqual(
      result.byBmUnit.map((m) => [m.id, m.a, m.b]),
      [['E_THREE-1', 9, 11]]
    )
    assert.deepEqual(result.byPeriod, [])
    assert.deepEqual(result.changedByPeriod, [])
    assert.lengthOf(result.notes, 2)
    assert.include(result.notes[1], 'system_prices.systemSellPrice')
    assert.equal(result.outputs[0].compared, 'daily totals')
  })

  test('a range sums each party over its dates', ({ assert }) => {
    const control = { inputs: inputs(2), frames: { party_totals: partyTotals([10, -5]) } }
    const candidate = { inputs: inputs(2), frames: { party_totals: partyTotals([12, -5]) } }
    const comparison = compareOutputs(control, candidate, policy({}))
    const day = (date: string): ParallelDayReport => ({
      date,
      controlKey: 'baseline@1',
      candidateKey: 'baseline@1+x@1',
      inputHash: 'a',
      candidateInputHash: 'a',
      timings: { loadMs: 0, computeMs: 0, compareMs: 0 },
      comparison,
    })
    const summary = summarise([day('2026-01-15'), day('2026-01-16')])
    assert.equal(summary.changedValues, 2)
    assert.deepEqual(summary.byParty, [
      {
        partyId: 'ALPHA',
        fields: { 'party_totals.net': { control: 20, candidate: 24, delta: 4 } },
      },
    ])
    assert.deepEqual(summary.totals.net, { control: 10, candidate: 14, delta: 4 })
    assert.notProperty(summary.totals, 'parties')
    assert.deepEqual(
      summary.topMovers.map((m) => m.date),
      ['2026-01-15', '2026-01-16']
    )
  })
})
