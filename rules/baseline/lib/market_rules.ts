/**
 * Day-level rules used to build stack items (domain/settlement.md S8.1, §4.3, §4.8.6): the CADL
 * flag of each acceptance and the Market Index Price. Kept apart so a Modification can reuse or
 * replace one rule without copying the stage.
 */
import type { DayInputs } from '../../../app/rules_runtime/frames.js'

/** MIP = volume-weighted MID price; 0 when no provider traded volume (domain §4.3, §4.8.16). */
export function marketIndexPrice(inputs: DayInputs, period: number): [number, number] {
  const { marketIndex: mid } = inputs
  let value = 0
  let volume = 0
  for (let m = mid.periodOffsets[period - 1]; m < mid.periodOffsets[period]; m++) {
    value += mid.price[m] * mid.volume[m]
    volume += mid.volume[m]
  }
  return [volume > 0 ? value / volume : 0, volume]
}

/** Per acceptance: 1 when it (or its chain) lasts less than CADL. RR acceptances join no chain (they never reach the stack). */
export function cadlFlags(inputs: DayInputs, cadlMs: number, chaining: boolean): Uint8Array {
  const acc = inputs.acceptances
  const flagged = new Uint8Array(acc.number.length)
  if (!chaining) {
    for (let k = 0; k < flagged.length; k++)
      flagged[k] = acc.lastTime[k] - acc.firstTime[k] < cadlMs ? 1 : 0
    return flagged
  }
  for (let u = 0; u + 1 < acc.unitOffsets.length; u++) {
    const chain: number[] = []
    for (let k = acc.unitOffsets[u]; k < acc.unitOffsets[u + 1]; k++)
      if (!acc.rrFlag[k]) chain.push(k)
    chain.sort((a, b) => acc.firstTime[a] - acc.firstTime[b] || a - b)
    let start = 0
    while (start < chain.length) {
      let end = start + 1
      let chainEnd = acc.lastTime[chain[start]]
      while (end < chain.length && acc.firstTime[chain[end]] <= chainEnd) {
        chainEnd = Math.max(chainEnd, acc.lastTime[chain[end]])
        end++
      }
      const short = chainEnd - acc.firstTime[chain[start]] < cadlMs ? 1 : 0
      for (let c = start; c < end; c++) flagged[chain[c]] = short
      start = end
    }
  }
  return flagged
}
