import { createHash, randomInt } from 'node:crypto'

/**
 * Ten one-time recovery codes, shown once, stored as SHA-256 hashes. Each has
 * about 50 random bits (10 characters from 31 letters and digits, without the
 * look-alikes i, l, o, 0, 1), so a fast hash is enough; a slow one would cost
 * ten verifications per attempt.
 */
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789'
const COUNT = 10

/** Fresh codes travel to the page that shows them once as this flash message. */
export const RECOVERY_FLASH = 'recoveryCodes'

export function generateRecoveryCodes(): string[] {
  return Array.from({ length: COUNT }, () => {
    const chars = Array.from({ length: 10 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('')
    return `${chars.slice(0, 5)}-${chars.slice(5)}`
  })
}

export function normaliseRecoveryCode(code: string): string {
  return code.toLowerCase().replace(/[\s-]/g, '')
}

export function hashRecoveryCode(code: string): string {
  return createHash('sha256').update(normaliseRecoveryCode(code)).digest('hex')
}

export function serialiseRecoveryHashes(codes: string[]): string {
  return JSON.stringify(codes.map(hashRecoveryCode))
}

export function parseRecoveryHashes(stored: string | null): string[] {
  return stored ? (JSON.parse(stored) as string[]) : []
}
