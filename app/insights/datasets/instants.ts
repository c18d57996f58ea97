/**
 * Instants as Elexon accepts them (RFC 3339 with Z or an offset, seconds
 * optional; `2023/04/13 07:00` in its REMIT examples) and as we publish them:
 * UTC, `Z`, whole seconds unless the value carries milliseconds.
 */
import { DateTime } from 'luxon'

const ZONED = /(Z|[+-]\d{2}:?\d{2})$/i
const SLASHED = /^(\d{4})\/(\d{2})\/(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/

export function formatInstant(dt: DateTime): string {
  const utc = dt.toUTC()
  return utc.toFormat(
    utc.millisecond === 0 ? "yyyy-MM-dd'T'HH:mm:ss'Z'" : "yyyy-MM-dd'T'HH:mm:ss.SSS'Z'"
  )
}

/**
 * The instant a string names, or null when it names none. Without a zone the
 * value is rejected unless `assumeUtc` (query parameters, where Elexon reads UTC).
 */
export function parseInstant(value: unknown, assumeUtc = false): DateTime | null {
  if (typeof value !== 'string') return null
  const text = value.trim()
  const slashed = SLASHED.exec(text)
  if (slashed) {
    if (!assumeUtc) return null
    const [, y, m, d, hh, mm, ss] = slashed
    const dt = DateTime.fromISO(`${y}-${m}-${d}T${hh}:${mm}:${ss ?? '00'}`, { zone: 'utc' })
    return dt.isValid ? dt : null
  }
  if (/^\d{4}-\d{2}-\d{2}$/.test(text) && assumeUtc) {
    const day = DateTime.fromISO(text, { zone: 'utc' })
    return day.isValid ? day : null
  }
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(text)) return null
  if (!ZONED.test(text) && !assumeUtc) return null
  const dt = DateTime.fromISO(text, { zone: 'utc', setZone: ZONED.test(text) })
  return dt.isValid ? dt.toUTC() : null
}

// Files repeat the same instants (one per fuel type or BM Unit): parse each text once.
const memo = new Map<string, string | null>()

export function normaliseInstant(value: unknown, assumeUtc = false): string | null {
  if (typeof value !== 'string') return null
  const key = assumeUtc ? `u${value}` : value
  let out = memo.get(key)
  if (out === undefined) {
    const dt = parseInstant(value, assumeUtc)
    out = dt ? formatInstant(dt) : null
    if (memo.size >= 50_000) memo.clear()
    memo.set(key, out)
  }
  return out
}
