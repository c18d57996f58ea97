import { test } from '@japa/runner'
import { acceptance, at, emptyDay, metered, pair, pn } from './support/day_builder.js'
import { itemRows, run } from './support/harness.js'

const DATE = '2024-01-10'
const MIN = 60_000

/** acceptance_volumes rows of a period as plain objects */
function volumesOf(result: ReturnType<typeof run>, period: number) {
  const f = result.frames.acceptance_volumes
  return itemRows(f, period).map((r) => ({
    unit: result.inputs.bmUnits.ids[f.columns.bmUnit[r]],
    acceptance: f.columns.acceptanceNumber[r],
    pair: f.columns.bidOfferPairId[r],
    offer: f.columns.offerVolume[r],
    bid: f.columns.bidVolume[r],
    offerPrice: f.columns.offerPrice[r],
    bidPrice: f.columns.bidPrice[r],
  }))
}

test.group('S1 spot_profiles', () => {
  test('cuts the period at every point and chains deviations acceptance by acceptance', ({
    assert,
  }) => {
    const day = emptyDay(DATE, [{ id: 'T_A-1', party: 'A' }])
    pn(day, 'T_A-1', 10, 100)
    pair(day, 'T_A-1', 10, 1, 100, 50, 40)
    acceptance(day, 'T_A-1', 1, [
      [10, 10, 150],
      [10, 20, 150],
    ])
    acceptance(day, 'T_A-1', 2, [
      [10, 15, 120],
      [10, 25, 120],
    ])
    const result = run(day, { until: 'spot_profiles' })
    const f = result.frames.deviation_pieces
    const rows = itemRows(f, 10).map((r) => [
      result.inputs.acceptances.number[f.columns.acceptance[r]],
      (f.columns.timeFrom[r] - Date.parse(at(day, 10, 0))) / MIN,
      (f.columns.timeTo[r] - Date.parse(at(day, 10, 0))) / MIN,
      f.columns.previousFrom[r],
      f.columns.acceptedFrom[r],
    ])
    assert.deepEqual(rows, [
      [1, 10, 15, 0, 50],
      [1, 15, 20, 0, 50],
      [2, 15, 20, 50, 20], // k2 starts from k1's level where k1 is in force
      [2, 20, 25, 0, 20], // beyond k1's span the previous level is FPN again
    ])
    assert.deepEqual(result.report('spot_profiles').processed, {
      unitPeriods: 1,
      acceptances: 2,
      pieces: 4,
    })
  })

  test('leaves RR acceptances out and reports units with acceptances but no FPN', ({ assert }) => {
    const day = emptyDay(DATE, [{ id: 'T_A-1', party: 'A' }])
    acceptance(
      day,
      'T_A-1',
      1,
      [
        [5, 0, 10],
        [5, 30, 10],
      ],
      { rrFlag: true }
    )
    acceptance(day, 'T_A-1', 2, [
      [6, 0, 10],
      [6, 30, 10],
    ])
    const result = run(day, { until: 'spot_profiles' })
    const report = result.report('spot_profiles')
    assert.equal(report.indicators.rrAcceptancesExcluded, 1)
    assert.deepEqual(report.details?.unitPeriodsWithoutFpn, ['T_A-1 P6'])
    assert.lengthOf(itemRows(result.frames.deviation_pieces, 5), 0)
  })
})

test.group('S2 acceptance_volumes', () => {
  test('an acceptance spanning two periods is split at the boundary, ramps included', ({
    assert,
  }) => {
    const day = emptyDay(DATE, [{ id: 'T_A-1', party: 'A' }])
    for (const p of [10, 11]) {
      pn(day, 'T_A-1', p, 0)
      pair(day, 'T_A-1', p, 1, 100, 50, 40)
    }
    acceptance(day, 'T_A-1', 7, [
      [10, 20, 0],
      [11, 10, 60],
    ]) // 0 → 60 MW over 20 minutes
    const result = run(day, { until: 'acceptance_volumes' })
    assert.deepEqual(volumesOf(result, 10), [
      { unit: 'T_A-1', acceptance: 7, pair: 1, offer: 2.5, bid: 0, offerPrice: 50, bidPrice: 40 },
    ])
    assert.deepEqual(volumesOf(result, 11), [
      { unit: 'T_A-1', acceptance: 7, pair: 1, offer: 7.5, bid: 0, offerPrice: 50, bidPrice: 40 },
    ])
  })

  test('a ramp crossing a band edge mid-period splits between the pairs exactly', ({ assert }) => {
    const day = emptyDay(DATE, [{ id: 'T_A-1', party: 'A' }])
    pn(day, 'T_A-1', 20, 400)
    pair(day, 'T_A-1', 20, 1, 40, 90, 85)
    pair(day, 'T_A-1', 20, 2, 40, 150, 140)
    acceptance(day, 'T_A-1', 1, [
      [20, 0, 400],
      [20, 30, 460],
    ])
    const rows = volumesOf(run(day, { until: 'acceptance_volumes' }), 20)
    assert.deepEqual(
      rows.map((r) => r.pair),
      [1, 2]
    )
    assert.closeTo(rows[0].offer, (40 * 20) / 2 / 60 + (40 * 10) / 60, 1e-12)
    assert.closeTo(rows[1].offer, (20 * 10) / 2 / 60, 1e-12)
  })

  test("moving back towards FPN inside a negative pair is an offer at that pair's offer price", ({
    assert,
  }) => {
    const day = emptyDay(DATE, [{ id: 'T_A-1', party: 'A' }])
    pn(day, 'T_A-1', 3, 100)
    pair(day, 'T_A-1', 3, -1, -100, 10, 5)
    acceptance(day, 'T_A-1', 1, [
      [3, 0, 50],
      [3, 30, 50],
    ])
    acceptance(day, 'T_A-1', 2, [
      [3, 15, 80],
      [3, 30, 80],
    ])
    const rows = volumesOf(run(day, { until: 'acceptance_volumes' }), 3)
    assert.deepEqual(rows, [
      { unit: 'T_A-1', acceptance: 1, pair: -1, offer: 0, bid: -25, offerPrice: 10, bidPrice: 5 },
      { unit: 'T_A-1', acceptance: 2, pair: -1, offer: 7.5, bid: 0, offerPrice: 10, bidPrice: 5 },
    ])
  })

  test('volume beyond the outermost band has no pair and is reported', ({ assert }) => {
    const day = emptyDay(DATE, [{ id: 'T_A-1', party: 'A' }])
    pn(day, 'T_A-1', 4, 0)
    pair(day, 'T_A-1', 4, 1, 4, 30, 20)
    acceptance(day, 'T_A-1', 9, [
      [4, 0, 10],
      [4, 30, 10],
    ])
    const result = run(day, { until: 'acceptance_volumes' })
    assert.deepEqual(
      volumesOf(result, 4).map((r) => r.offer),
      [2]
    )
    const report = result.report('acceptance_volumes')
    assert.deepEqual(report.details?.acceptancesOutsideBands, ['T_A-1/9 P4'])
    assert.closeTo(report.indicators.volumeOutsideBands, 3, 1e-12)
  })

  test('a level exactly on the outer band edge leaves no floating-point residue', ({ assert }) => {
    const day = emptyDay(DATE, [{ id: 'T_A-1', party: 'A' }])
    pn(day, 'T_A-1', 4, 100.3, 107.9)
    pair(day, 'T_A-1', 4, 1, 12.1, 30, 20)
    acceptance(day, 'T_A-1', 9, [
      [4, 0, 112.4],
      [4, 30, 120],
    ])
    const result = run(day, { until: 'acceptance_volumes' })
    const rows = volumesOf(result, 4)
    assert.lengthOf(rows, 1)
    assert.closeTo(rows[0].offer, 6.05, 1e-9)
    const report = result.report('acceptance_volumes')
    assert.isUndefined(report.details?.acceptancesOutsideBands)
  })
})

test.group('S3 period_unit_volumes', () => {
  test('period FPN integrates the profile; QBS adds ABSVD, QME does not', ({ assert }) => {
    const day = emptyDay(DATE, [{ id: 'T_A-1', party: 'A' }])
    pn(day, 'T_A-1', 8, 0, 100)
    pair(day, 'T_A-1', 8, 1, 50, 60, 55)
    pair(day, 'T_A-1', 8, -1, -50, 30, 25)
    acceptance(day, 'T_A-1', 1, [
      [8, 0, 20],
      [8, 30, 120],
    ]) // +20 MW over FPN throughout
    day.absvd.push(
      { bmUnit: 'T_A-1', settlementPeriod: 8, volume: 3 },
      { bmUnit: 'T_A-1', settlementPeriod: 8, volume: 1 }
    )
    const result = run(day, { until: 'period_unit_volumes' })
    const c = result.frames.bm_unit_volumes.columns
    const j = 7 // unit 0 in period 8
    assert.equal(c.fpn[j], 25)
    assert.equal(c.qao[j], 10)
    assert.equal(c.qab[j], 0)
    assert.equal(c.qas[j], 4)
    assert.equal(c.qbs[j], 14)
    assert.equal(c.qme[j], 35)
  })
})

test.group('S4 metered_volumes', () => {
  test('missing metered data settles at 0 and is reported; estimates are reported', ({
    assert,
  }) => {
    const day = emptyDay(DATE, [
      { id: 'T_A-1', party: 'A' },
      { id: 'T_B-1', party: 'B' },
    ])
    for (let p = 1; p <= 48; p++) metered(day, 'T_A-1', p, 10)
    day.meteredVolumes.push({ bmUnit: 'T_B-1', settlementPeriod: 2, volume: -4, estimated: true })
    const result = run(day, { until: 'metered_volumes' })
    const c = result.frames.metered_volumes.columns
    // period-major: T_B-1 (index 1) in period p is at (p − 1) × 2 + 1
    assert.equal(c.qm[(2 - 1) * 2 + 1], -4)
    assert.equal(c.qmEstimated[(2 - 1) * 2 + 1], 1)
    assert.equal(c.qmMissing[(3 - 1) * 2 + 1], 1)
    assert.equal(c.qm[(3 - 1) * 2 + 1], 0)
    const report = result.report('metered_volumes')
    assert.equal(report.indicators.bmUnitPeriodsMissingMeteredData, 47)
    assert.deepEqual(report.details?.bmUnitsMissingMeteredData, ['T_B-1'])
    assert.deepEqual(report.details?.bmUnitPeriodsEstimated, ['T_B-1'])
  })
})
