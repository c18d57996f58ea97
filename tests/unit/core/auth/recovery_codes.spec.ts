import { test } from '@japa/runner'
import {
  generateRecoveryCodes,
  hashRecoveryCode,
  parseRecoveryHashes,
  serialiseRecoveryHashes,
} from '#core/auth/recovery_codes'
import { describeWait } from '#core/auth/login_throttle'

test.group('Recovery codes', () => {
  test('ten distinct codes like abcde-12345 without look-alike characters', ({ assert }) => {
    const codes = generateRecoveryCodes()
    assert.lengthOf(codes, 10)
    assert.lengthOf(new Set(codes), 10)
    for (const code of codes) assert.match(code, /^[a-hjkmnp-z2-9]{5}-[a-hjkmnp-z2-9]{5}$/)
  })

  test('stored as hashes; case, spaces and the hyphen do not matter when checking', ({
    assert,
  }) => {
    const codes = generateRecoveryCodes()
    const stored = serialiseRecoveryHashes(codes)
    for (const code of codes) assert.notInclude(stored, code.replace('-', ''))
    const hashes = parseRecoveryHashes(stored)
    const typed = ` ${codes[3].toUpperCase().replace('-', ' ')} `
    assert.include(hashes, hashRecoveryCode(typed))
    assert.deepEqual(parseRecoveryHashes(null), [])
  })
})

test.group('Throttle wait wording', () => {
  test('seconds under a minute, whole minutes rounded up above', ({ assert }) => {
    assert.equal(describeWait(1), '1 second')
    assert.equal(describeWait(45), '45 seconds')
    assert.equal(describeWait(60), '1 minute')
    assert.equal(describeWait(61), '2 minutes')
    assert.equal(describeWait(900), '15 minutes')
  })
})
