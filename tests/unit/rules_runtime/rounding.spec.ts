import { test } from '@japa/runner'
import { roundHalfAwayFromZero, roundMoney, roundPrice, roundVolume } from '#rules_runtime/rounding'

test.group('rules_runtime/rounding', () => {
  test('half away from zero on the printed decimal digits', ({ assert }) => {
    assert.equal(roundMoney(1.005), 1.01) // the double is 1.00499999999999989…, printed 1.005
    assert.equal(roundMoney(-1.005), -1.01)
    assert.equal(roundMoney(2.675), 2.68)
    assert.equal(roundMoney(0.125), 0.13)
    assert.equal(roundMoney(-0.125), -0.13)
    assert.equal(roundMoney(1.004999), 1)
    assert.equal(roundVolume(0.0005), 0.001)
    assert.equal(roundPrice(116.8192309154), 116.81923)
    assert.equal(roundPrice(0.000005), 0.00001)
    assert.equal(roundPrice(-0.000005), -0.00001)
  })

  test('large values take the exact decimal path; zero is never negative', ({ assert }) => {
    assert.equal(roundMoney(123456789012.345), 123456789012.35)
    assert.equal(roundMoney(-123456789012.345), -123456789012.35)
    assert.isTrue(Object.is(roundMoney(-0.001), 0))
    assert.isTrue(Object.is(roundMoney(-0), 0))
    assert.equal(roundHalfAwayFromZero(1e-7, 2), 0)
    assert.equal(roundHalfAwayFromZero(5e-7, 6), 0.000001)
  })

  test('non-finite values pass through; bad decimals are refused', ({ assert }) => {
    assert.isNaN(roundMoney(Number.NaN))
    assert.equal(roundMoney(Number.POSITIVE_INFINITY), Number.POSITIVE_INFINITY)
    assert.throws(() => roundHalfAwayFromZero(1, 1.5), /decimals must be an integer/)
    assert.throws(() => roundHalfAwayFromZero(1, 16), /decimals must be an integer/)
  })

  test('agrees with exact decimal rounding on many two- and three-decimal ties', ({ assert }) => {
    for (let cents = -100000; cents <= 100000; cents += 7) {
      const tie = (cents + 0.5) / 100 // e.g. 12.345 → 12.35
      const expected = (cents >= 0 ? cents + 1 : cents) / 100
      assert.equal(roundMoney(Number(tie.toFixed(3))), expected, `${tie}`)
    }
  })
})
