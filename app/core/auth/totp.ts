import { Secret, TOTP } from 'otpauth'
import QRCode from 'qrcode'
import encryption from '@adonisjs/core/services/encryption'

/**
 * RFC 6238 TOTP as every authenticator app speaks it: SHA-1, 6 digits, 30 s.
 * Secrets are stored encrypted with the app key; a code is accepted one step
 * either side of now, and the caller records the step so it is never reused.
 */
const ISSUER = 'Kinnect Open'
const PERIOD = 30

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32
}

function totpFor(secretBase32: string, label = '') {
  return new TOTP({
    issuer: ISSUER,
    label,
    algorithm: 'SHA1',
    digits: 6,
    period: PERIOD,
    secret: Secret.fromBase32(secretBase32),
  })
}

/** The time step a code belongs to, or null when it matches none in the ±1 window. */
export function matchTotpStep(secretBase32: string, code: string, at = Date.now()): number | null {
  const token = code.replace(/\s/g, '')
  if (!/^\d{6}$/.test(token)) return null
  const delta = totpFor(secretBase32).validate({ token, timestamp: at, window: 1 })
  if (delta === null) return null
  return TOTP.counter({ period: PERIOD, timestamp: at }) + delta
}

/** otpauth:// URI and its QR code (an SVG data URL) for the enrolment page. */
export async function enrolmentQr(secretBase32: string, email: string) {
  const uri = totpFor(secretBase32, email).toString()
  const svg = await QRCode.toString(uri, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' })
  return { uri, qrDataUrl: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}` }
}

export function sealSecret(secretBase32: string): string {
  return encryption.encrypt(secretBase32)
}

export function openSecret(sealed: string): string | null {
  return encryption.decrypt<string>(sealed)
}
