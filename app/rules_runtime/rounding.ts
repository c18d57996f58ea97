/**
 * Publish rounding (domain/settlement.md §4.6, §4.8.11): prices 5 dp, volumes 3 dp, money 2 dp,
 * half away from zero. Stages compute in full Float64 precision and round only where the BSC
 * defines a later step on a published value (the imbalance price used by the charges) or when a
 * value is published.
 *
 * "Half" is judged on the shortest decimal form of the number (the digits JavaScript prints), not
 * on its binary expansion: 1.005 prints as 1.005, so it rounds to 1.01 although the nearest double
 * is 1.00499999999999989…. Both paths below are pure functions of the input bits, so rounding is
 * deterministic on every platform.
 */
export const PRICE_DECIMALS = 5
export const VOLUME_DECIMALS = 3
export const MONEY_DECIMALS = 2

// 10^0 … 10^15, all exact doubles
const POWERS = Array.from({ length: 16 }, (_, i) => 10 ** i)
// Beyond this the binary error of `a * 10^dp` could reach the 1e-6 guard band below.
const FAST_PATH_LIMIT = 1e9

export function roundHalfAwayFromZero(value: number, decimals: number): number {
  if (!Number.isFinite(value)) return value
  if (!Number.isInteger(decimals) || decimals < 0 || decimals >= POWERS.length) {
    throw new RangeError(
      `decimals must be an integer from 0 to ${POWERS.length - 1}, got ${decimals}`
    )
  }
  const magnitude = Math.abs(value)
  const scaled = magnitude * POWERS[decimals]
  let rounded: number
  const fraction = scaled - Math.floor(scaled)
  if (scaled < FAST_PATH_LIMIT && Math.abs(fraction - 0.5) > 1e-6) {
    // Far from a tie: the binary value and its decimal form round the same way.
    rounded = Math.round(scaled) / POWERS[decimals]
  } else {
    rounded = shiftDecimal(Math.round(shiftDecimal(magnitude, decimals)), -decimals)
  }
  if (rounded === 0) return 0
  return value < 0 ? -rounded : rounded
}

export const roundPrice = (value: number) => roundHalfAwayFromZero(value, PRICE_DECIMALS)
export const roundVolume = (value: number) => roundHalfAwayFromZero(value, VOLUME_DECIMALS)
export const roundMoney = (value: number) => roundHalfAwayFromZero(value, MONEY_DECIMALS)

/** Multiplies by 10^places exactly on the decimal digits (string exponent shift, no binary product). */
function shiftDecimal(value: number, places: number): number {
  const [mantissa, exponent] = String(value).split('e')
  return Number(`${mantissa}e${Number(exponent ?? 0) + places}`)
}
