/**
 * The tagging and pricing steps of the imbalance price for one period (domain/settlement.md
 * S8.4–S8.11, §4.8.1–4.8.5), as small functions over the columns of the period's stack items
 * [from, to). A Modification that changes one step reuses the others.
 *
 * Volumes carry their side's sign (buy > 0, sell < 0). `buy` and `sell` hold item indices ranked
 * cheapest first (stack_order.ts); "most expensive first" walks them backwards.
 */
import { BUY, moreExpensive, SELL, SOURCE } from './stack_order.js'

export interface StackWork {
  side: Uint8Array
  source: Uint8Array
  acceptance: Int32Array
  soFlag: Uint8Array
  cadlFlag: Uint8Array
  /** price after STOR repricing; NaN = null price */
  price: Float64Array
  volume: Float64Array
  tlm: Float64Array
  dmat: Float64Array
  arbitrage: Float64Array
  niv: Float64Array
  second: Uint8Array
  finalPrice: Float64Array
  repriced: Uint8Array
  par: Float64Array
  tlmVolume: Float64Array
  tlmCost: Float64Array
}

/** S8.4: BOA items (or, grouped, an acceptance's offers or bids) below DMAT in magnitude → 0. */
export function dmatTag(
  w: StackWork,
  from: number,
  to: number,
  dmat: number,
  grouping: 'item' | 'acceptance'
) {
  for (let x = from; x < to; x++) w.dmat[x] = w.volume[x]
  for (let x = from; x < to;) {
    if (w.source[x] !== SOURCE.BOA) {
      x++
      continue
    }
    if (grouping === 'item') {
      if (Math.abs(w.volume[x]) < dmat) w.dmat[x] = 0
      x++
      continue
    }
    // An acceptance's items are contiguous; test its offer sum and its bid sum separately.
    let end = x
    let offers = 0
    let bids = 0
    while (end < to && w.source[end] === SOURCE.BOA && w.acceptance[end] === w.acceptance[x]) {
      if (w.side[end] === BUY) offers += w.volume[end]
      else bids += w.volume[end]
      end++
    }
    for (let y = x; y < end; y++) {
      if (Math.abs(w.side[y] === BUY ? offers : bids) < dmat) w.dmat[y] = 0
    }
    x = end
  }
}

/** S8.5: NIV = Σ DMAT-adjusted volumes (raw MWh, no TLM), summed in item order. */
export function netImbalanceVolume(w: StackWork, from: number, to: number): number {
  let niv = 0
  for (let x = from; x < to; x++) niv += w.dmat[x]
  return niv
}

/** S8.6: pair the cheapest buy with the highest-priced sell while buy price ≤ sell price. */
export function arbitrageTag(
  w: StackWork,
  from: number,
  to: number,
  buy: Int32Array,
  sell: Int32Array
): number {
  for (let x = from; x < to; x++) w.arbitrage[x] = w.dmat[x]
  let tagged = 0
  let b = 0
  let s = 0
  while (b < buy.length && s < sell.length) {
    const xb = buy[b]
    const xs = sell[s]
    if (Number.isNaN(w.price[xb]) || Number.isNaN(w.price[xs])) break // null prices rank last
    if (w.arbitrage[xb] === 0) {
      b++
      continue
    }
    if (w.arbitrage[xs] === 0) {
      s++
      continue
    }
    if (w.price[xb] > w.price[xs]) break
    const m = Math.min(w.arbitrage[xb], -w.arbitrage[xs])
    w.arbitrage[xb] = w.arbitrage[xb] === m ? 0 : w.arbitrage[xb] - m
    w.arbitrage[xs] = -w.arbitrage[xs] === m ? 0 : w.arbitrage[xs] + m
    tagged += m
  }
  return tagged
}

/** S8.7 with §4.8.2: first-stage flagged = SO, CADL or null price; second stage by the marginal unflagged item. */
export function classify(w: StackWork, order: Int32Array, side: number) {
  let marginal = Number.NaN
  let found = false
  for (let i = order.length - 1; i >= 0 && !found; i--) {
    const x = order[i]
    if (!firstStageFlagged(w, x) && w.arbitrage[x] !== 0) {
      marginal = w.price[x]
      found = true
    }
  }
  for (const x of order) {
    const flagged = firstStageFlagged(w, x)
    w.second[x] =
      flagged && (!found || Number.isNaN(w.price[x]) || moreExpensive(w.price[x], marginal, side))
        ? 1
        : 0
  }
}

export function firstStageFlagged(w: StackWork, x: number): boolean {
  return w.soFlag[x] === 1 || w.cadlFlag[x] === 1 || Number.isNaN(w.price[x])
}

/** S8.8: the opposite side goes to 0 and its volume is removed from the NIV side, most expensive first. */
export function nivTag(
  w: StackWork,
  from: number,
  to: number,
  niv: number,
  buy: Int32Array,
  sell: Int32Array
): number {
  for (let x = from; x < to; x++) w.niv[x] = niv === 0 ? 0 : w.arbitrage[x]
  if (niv === 0) return 0
  const [keep, drop] = niv > 0 ? [buy, sell] : [sell, buy]
  let remove = 0
  for (const x of drop) {
    remove += Math.abs(w.niv[x])
    w.niv[x] = 0
  }
  const removed = remove
  for (let i = keep.length - 1; i >= 0 && remove > 0; i--) {
    const x = keep[i]
    const have = Math.abs(w.niv[x])
    const take = Math.min(have, remove)
    w.niv[x] = take === have ? 0 : Math.sign(w.niv[x]) * (have - take)
    remove -= take
  }
  return removed
}

/**
 * S8.9 with §4.8.3: if a second-stage-flagged item survives NIV tagging, RP = average price of the
 * most expensive RPAR MWh of unflagged survivors (MIP with reference volume 0 when none); flagged
 * survivors are repriced to RP. Sets finalPrice for every survivor. Returns [RP, volume] or NaNs.
 */
export function replacementPrice(
  w: StackWork,
  from: number,
  to: number,
  nivSide: Int32Array,
  rpar: number,
  mip: number
): [number, number] {
  for (let x = from; x < to; x++) {
    w.finalPrice[x] = Number.NaN
    w.repriced[x] = 0
  }
  let anyFlagged = false
  for (const x of nivSide) {
    if (w.niv[x] !== 0) {
      w.finalPrice[x] = w.price[x]
      if (w.second[x]) anyFlagged = true
    }
  }
  if (!anyFlagged) return [Number.NaN, Number.NaN]
  let taken = 0
  let cost = 0
  for (let i = nivSide.length - 1; i >= 0 && taken < rpar; i--) {
    const x = nivSide[i]
    if (w.niv[x] === 0 || w.second[x]) continue
    const take = Math.min(Math.abs(w.niv[x]), rpar - taken)
    taken += take
    cost += take * w.price[x]
  }
  const rp = taken > 0 ? cost / taken : mip
  for (const x of nivSide) {
    if (w.niv[x] !== 0 && w.second[x]) {
      w.finalPrice[x] = rp
      w.repriced[x] = 1
    }
  }
  return [rp, taken]
}

/** S8.10: survivors re-ranked by final price, most expensive first; the first PAR MWh are kept. */
export function parTag(
  w: StackWork,
  from: number,
  to: number,
  nivSide: Int32Array,
  side: number,
  par: number,
  scratch: Int32Array
) {
  for (let x = from; x < to; x++) w.par[x] = 0
  let n = 0
  for (let i = nivSide.length - 1; i >= 0; i--)
    if (w.niv[nivSide[i]] !== 0) scratch[n++] = nivSide[i]
  // Stable sort: equal final prices keep the most-expensive-first order of the ranking.
  const ranked = Array.from(scratch.subarray(0, n)).sort((a, b) =>
    moreExpensive(w.finalPrice[a], w.finalPrice[b], side)
      ? -1
      : moreExpensive(w.finalPrice[b], w.finalPrice[a], side)
        ? 1
        : 0
  )
  let taken = 0
  for (const x of ranked) {
    if (taken >= par) break
    const take = Math.min(Math.abs(w.niv[x]), par - taken)
    w.par[x] = side === SELL ? -take : take
    taken += take
  }
}

/** S8.11: TLM-adjusted volumes and costs; main price = Σ cost / Σ volume (NaN when nothing is left). */
export function mainPrice(w: StackWork, from: number, to: number): number {
  let volume = 0
  let cost = 0
  for (let x = from; x < to; x++) {
    w.tlmVolume[x] = w.par[x] * w.tlm[x]
    w.tlmCost[x] = w.tlmVolume[x] === 0 ? 0 : w.tlmVolume[x] * w.finalPrice[x]
    volume += w.tlmVolume[x]
    cost += w.tlmCost[x]
  }
  return volume === 0 ? Number.NaN : cost / volume
}
