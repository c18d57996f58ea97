import { test } from '@japa/runner'
import { settlementRisks, type TrendRow } from '#settlement/queries/indicator_trends'
import { publishedTotal } from '#settlement/runs/result_tables'

const row = (
  settlementDate: string,
  runType: 'SF' | 'R1',
  values: Record<string, number>
): TrendRow => ({
  settlementDate,
  runType,
  runId: 0,
  runNumber: 1,
  values,
})

const ESTIMATED = 'metered_volumes.bmUnitPeriodsEstimated'
const MISSING = 'metered_volumes.bmUnitsMissingMeteredData'

test.group('Settlement risks from indicator trends', () => {
  test('rising estimates are flagged against the median of the earlier dates of the same run type', ({
    assert,
  }) => {
    const rows = [
      row('2026-01-01', 'SF', { [ESTIMATED]: 10 }),
      row('2026-01-02', 'SF', { [ESTIMATED]: 12 }),
      row('2026-01-03', 'SF', { [ESTIMATED]: 11 }),
      row('2026-01-04', 'SF', { [ESTIMATED]: 30 }),
      row('2026-01-01', 'R1', { [ESTIMATED]: 10 }),
      row('2026-01-02', 'R1', { [ESTIMATED]: 12 }),
      row('2026-01-03', 'R1', { [ESTIMATED]: 14 }),
    ]
    const risks = settlementRisks(rows, [ESTIMATED])
    assert.lengthOf(risks, 1)
    assert.include(risks[0], { kind: 'rising', runType: 'SF', settlementDate: '2026-01-04' })
    assert.equal(
      risks[0].message,
      'BM Unit periods with estimated metered data rising: 30 on 2026-01-04 (SF) against a median of 11 over 3 earlier date(s)'
    )
  })

  test('missing metered data on the latest date is a risk even when steady; zero is not', ({
    assert,
  }) => {
    const steady = [
      row('2026-01-01', 'SF', { [MISSING]: 2 }),
      row('2026-01-02', 'SF', { [MISSING]: 2 }),
    ]
    assert.deepEqual(
      settlementRisks(steady, [MISSING]).map((risk) => risk.kind),
      ['present']
    )
    const clean = [
      row('2026-01-01', 'SF', { [MISSING]: 2 }),
      row('2026-01-02', 'SF', { [MISSING]: 0 }),
    ]
    assert.deepEqual(settlementRisks(clean, [MISSING]), [])
    assert.deepEqual(settlementRisks(steady, ['stack_items.somethingElse']), [])
  })

  test('run totals are published: money to 2 dp, volumes to 3 dp, counts as they are', ({
    assert,
  }) => {
    assert.equal(publishedTotal('net', -894.1499999999994), -894.15)
    assert.equal(publishedTotal('energyImbalanceCashflow', 0.005), 0.01)
    assert.equal(publishedTotal('netImbalanceVolume', -5548.365260658729), -5548.365)
    assert.equal(publishedTotal('stackItems', 11937), 11937)
  })
})
