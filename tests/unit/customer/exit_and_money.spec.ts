import { test } from '@japa/runner'
import { finalCheckAt, finalCheckReached } from '#customer/support/final_check'
import { formatPounds, poundsToPence } from '#customer/support/money'
import { PARAMETER_KINDS, PARAMETER_KIND_NAMES } from '#customer/reference/parameters'

test.group('Exit final check, money, dated parameter kinds', () => {
  test('the final check is 17:00 UK time two Business Days before the withdrawal date', ({
    assert,
  }) => {
    /* Winter (GMT): Wednesday 7 January 2026 → Monday 5 January, 17:00 GMT. */
    assert.equal(finalCheckAt('2026-01-07').toUTC().toISO(), '2026-01-05T17:00:00.000Z')
    /* Summer (BST), over Easter: Tuesday 7 April 2026 → Wednesday 1 April (3 and 6 April are bank holidays). */
    assert.equal(finalCheckAt('2026-04-07').toUTC().toISO(), '2026-04-01T16:00:00.000Z')
    /* A Monday withdrawal: the Thursday before. */
    assert.equal(finalCheckAt('2026-03-30').toISODate(), '2026-03-26')
    const at = finalCheckAt('2026-01-07')
    assert.isFalse(finalCheckReached('2026-01-07', at.minus({ minutes: 1 }).toUTC()))
    assert.isTrue(finalCheckReached('2026-01-07', at.toUTC()))
  })

  test('money is kept in whole pence and shown in pounds', ({ assert }) => {
    assert.equal(poundsToPence(1250.5), 125050)
    assert.equal(poundsToPence(0.29), 29, 'no binary floating-point residue')
    assert.equal(formatPounds(25_000_000), '£250,000.00')
    assert.equal(formatPounds(-1), '−£0.01')
  })

  test('every parameter kind names the units it may be set in', ({ assert }) => {
    assert.includeMembers(PARAMETER_KIND_NAMES, [
      'withdrawal_notice',
      'credit_default_level_1',
      'credit_default_level_2',
      'base_monthly_charge',
      'vat_rate',
      'signatory_confirmation_cycle',
    ])
    for (const kind of PARAMETER_KIND_NAMES) assert.isAbove(PARAMETER_KINDS[kind].units.length, 0)
    assert.deepEqual(PARAMETER_KINDS.credit_default_level_1.units, ['percent'])
    assert.deepEqual(PARAMETER_KINDS.base_monthly_charge.units, ['pence'])
  })
})
