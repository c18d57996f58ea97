/**
 * Rows changed by a Lucid `update()`: better-sqlite3 answers a number, pg an
 * array with one number. Conditional updates use it to claim something once
 * (a recovery code, a TOTP step, a reset token) without a race.
 */
export function affectedRows(result: unknown): number {
  return Array.isArray(result) ? Number(result[0] ?? 0) : Number(result ?? 0)
}
