/** Money is kept in integer pence; shown as pounds with two decimals (e.g. £250,000.00). */
export function formatPounds(pence: number): string {
  const sign = pence < 0 ? '−' : ''
  const pounds = Math.abs(pence) / 100
  return `${sign}£${pounds.toLocaleString('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`
}

/** Pounds as typed (a number with at most two decimals) to pence, exactly. */
export function poundsToPence(pounds: number): number {
  return Math.round(pounds * 100)
}
