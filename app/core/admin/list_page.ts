import type { HttpContext } from '@adonisjs/core/http'

/**
 * The `?page=` of a paginated list: a whole number from 1, anything else
 * (text, 0, 1e400) reads as page 1, so a hand-edited URL never reaches the
 * database as a bad OFFSET.
 */
export function listPage(request: HttpContext['request']): number {
  const page = Number(request.input('page', 1))
  return Number.isSafeInteger(page) && page >= 1 ? Math.min(page, 1_000_000) : 1
}
