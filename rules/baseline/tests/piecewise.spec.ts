import { test } from '@japa/runner'
import {
  addSignedTrapezium,
  integrateBandChange,
  integrateProfile,
  MS_PER_HOUR,
  profileEnds,
  segmentsToPoints,
} from '../lib/piecewise.js'

const MIN = 60_000
const f64 = (...values: number[]) => Float64Array.from(values)

test.group('lib/piecewise', () => {
  test('profileEnds: linear inside, flat beyond the ends, steps take the side of the piece', ({
    assert,
  }) => {
    const time = f64(0, 10 * MIN, 10 * MIN, 20 * MIN)
    const level = f64(0, 100, 50, 50)
    const out = new Float64Array(2)
    profileEnds(time, level, 0, 4, 0, 10 * MIN, out, 0)
    assert.deepEqual([...out], [0, 100]) // left of the step: ramp up to 100
    profileEnds(time, level, 0, 4, 10 * MIN, 20 * MIN, out, 0)
    assert.deepEqual([...out], [50, 50]) // right of the step
    profileEnds(time, level, 0, 4, 2.5 * MIN, 5 * MIN, out, 0)
    assert.deepEqual([...out], [25, 50])
    profileEnds(time, level, 0, 4, 20 * MIN, 30 * MIN, out, 0)
    assert.deepEqual([...out], [50, 50])
    profileEnds(time, level, 0, 0, 0, MIN, out, 0)
    assert.deepEqual([...out], [0, 0]) // no points: 0 MW
  })

  test('integrateProfile: ramps, steps and flat extension integrate exactly', ({ assert }) => {
    // 0 → 100 MW over 10 min, step to 50 MW held to 30 min: 100×10/2 + 50×20 MW·min
    const time = f64(0, 10 * MIN, 10 * MIN, 20 * MIN)
    const level = f64(0, 100, 50, 50)
    const mwh = integrateProfile(time, level, 0, 4, 0, 30 * MIN) / MS_PER_HOUR
    assert.equal(mwh, (500 + 1000) / 60)
    assert.equal(
      integrateProfile(time, level, 0, 4, 5 * MIN, 15 * MIN) / MS_PER_HOUR,
      (5 * 75 + 5 * 50) / 60
    )
  })

  test('segmentsToPoints merges touching segments', ({ assert }) => {
    const segments = {
      timeFrom: f64(0, 10, 20),
      levelFrom: f64(1, 2, 5),
      timeTo: f64(10, 20, 30),
      levelTo: f64(2, 3, 5),
    }
    const t = new Float64Array(6)
    const l = new Float64Array(6)
    const n = segmentsToPoints(segments, 0, 3, t, l)
    assert.deepEqual([...t.subarray(0, n)], [0, 10, 20, 20, 30])
    assert.deepEqual([...l.subarray(0, n)], [1, 2, 3, 5, 5])
  })

  test('addSignedTrapezium splits a line at its zero', ({ assert }) => {
    const out = new Float64Array(2)
    addSignedTrapezium(10, -10, 2, out)
    assert.deepEqual([...out], [5, -5])
  })

  test('integrateBandChange: a ramp crossing a band edge mid-piece only counts inside the band', ({
    assert,
  }) => {
    // deviation ramps 0 → 60 MW over 30 min; band [0, 40]: clamp reaches 40 at minute 20
    const out = new Float64Array(2)
    integrateBandChange(0, 60, 0, 0, 0, 0, 40, 40, 30 * MIN, out)
    const expected = (40 * 20) / 2 + 40 * 10 // MW·min
    assert.closeTo(out[0] / MIN, expected, 1e-9)
    assert.equal(out[1], 0)
    // the band above [40, 80] gets the rest: 0 → 20 MW over the last 10 minutes
    out.fill(0)
    integrateBandChange(0, 60, 0, 0, 40, 40, 80, 80, 30 * MIN, out)
    assert.closeTo(out[0] / MIN, (20 * 10) / 2, 1e-9)
  })

  test('integrateBandChange: crossing the previous deviation inside a band splits offer and bid', ({
    assert,
  }) => {
    // previous deviation flat at −50 in band [−100, 0]; new one ramps −100 → 0: bid then offer
    const out = new Float64Array(2)
    integrateBandChange(-100, 0, -50, -50, -100, -100, 0, 0, 20 * MIN, out)
    assert.closeTo(out[0] / MIN, (50 * 10) / 2, 1e-9)
    assert.closeTo(out[1] / MIN, -(50 * 10) / 2, 1e-9)
  })

  test('integrateBandChange: time-varying band edges', ({ assert }) => {
    // band [0, w(t)] with w 0 → 40; deviation fixed at 20: clamp = min(20, w) → crosses at the middle
    const out = new Float64Array(2)
    integrateBandChange(20, 20, 0, 0, 0, 0, 0, 40, 20 * MIN, out)
    assert.closeTo(out[0] / MIN, (20 * 10) / 2 + 20 * 10, 1e-9)
  })
})
