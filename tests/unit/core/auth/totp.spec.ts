import { test } from '@japa/runner'
import { Secret, TOTP } from 'otpauth'
import { enrolmentQr, matchTotpStep, newTotpSecret, openSecret, sealSecret } from '#core/auth/totp'

const code = (secret: string, at: number) =>
  TOTP.generate({ secret: Secret.fromBase32(secret), timestamp: at })

test.group('TOTP', () => {
  test('accepts the code of this step and one step either side, answering its step', ({
    assert,
  }) => {
    const secret = newTotpSecret()
    const now = Date.UTC(2026, 10, 23, 12, 0, 15)
    const step = Math.floor(now / 30_000)
    assert.equal(matchTotpStep(secret, code(secret, now), now), step)
    assert.equal(matchTotpStep(secret, code(secret, now - 30_000), now), step - 1)
    assert.equal(matchTotpStep(secret, code(secret, now + 30_000), now), step + 1)
    assert.isNull(matchTotpStep(secret, code(secret, now - 60_000), now))
    assert.isNull(matchTotpStep(secret, code(secret, now + 60_000), now))
  })

  test('tolerates a space in the middle, rejects anything but 6 digits', ({ assert }) => {
    const secret = newTotpSecret()
    const now = Date.now()
    const valid = code(secret, now)
    assert.isNotNull(matchTotpStep(secret, `${valid.slice(0, 3)} ${valid.slice(3)}`, now))
    for (const bad of ['', '12345', '1234567', 'abcdef', `${valid}0`]) {
      assert.isNull(matchTotpStep(secret, bad, now))
    }
  })

  test('secrets are 160-bit base32 and sealed with the app key', ({ assert }) => {
    const secret = newTotpSecret()
    assert.match(secret, /^[A-Z2-7]{32}$/)
    const sealed = sealSecret(secret)
    assert.notInclude(sealed, secret)
    assert.equal(openSecret(sealed), secret)
  })

  test('the enrolment QR encodes an otpauth URI for the issuer and account', async ({ assert }) => {
    const secret = newTotpSecret()
    const { uri, qrDataUrl } = await enrolmentQr(secret, 'ann@example.test')
    assert.equal(
      uri,
      `otpauth://totp/Kinnect%20Open:ann%40example.test?issuer=Kinnect%20Open&secret=${secret}&algorithm=SHA1&digits=6&period=30`
    )
    const svg = Buffer.from(qrDataUrl.split(',')[1], 'base64').toString()
    assert.match(svg, /^<svg[\s\S]*<\/svg>\s*$/)
  })
})
