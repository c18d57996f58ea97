/**
 * Number formats of the settlement pages, fixed to en-GB so the server's and
 * the browser's renderings match (hydration). Money 2 dp, volumes 3 dp,
 * prices 2 dp for display (the full published value is in the title).
 */
const formats = new Map<number, Intl.NumberFormat>()

export function number(value: number | null | undefined, decimals = 3): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—'
  let format = formats.get(decimals)
  if (!format) {
    format = new Intl.NumberFormat('en-GB', {
      minimumFractionDigits: decimals,
      maximumFractionDigits: decimals,
    })
    formats.set(decimals, format)
  }
  return format.format(value)
}

export function money(value: number | null | undefined): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—'
  return `${value < 0 ? '-' : ''}£${number(Math.abs(value), 2)}`
}

/** Whole numbers (counts) as they are, anything else to 3 dp. */
export const figure = (value: number | null | undefined) =>
  number(value, value !== null && value !== undefined && Number.isInteger(value) ? 0 : 3)
export const volume = (value: number | null | undefined) => number(value, 3)
export const price = (value: number | null | undefined) => number(value, 2)

/** Milliseconds as "850 ms" or "2.4 s". */
export function duration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return '—'
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`
}

/** camelCase → "camel case" for labels of generated columns and indicators. */
export function words(name: string): string {
  const spaced = name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/[._]/g, ' ')
  return spaced.charAt(0).toUpperCase() + spaced.slice(1).toLowerCase()
}

export const STATUS_BADGES: Record<string, string> = {
  succeeded: 'badge badge-ok',
  failed: 'badge badge-fail',
  running: 'badge badge-warn',
  queued: 'badge',
  pending: 'badge',
  not_run: 'badge',
}
