/**
 * Ranking of imbalance-price stack items (domain/settlement.md S8.3, §4.8.5).
 *
 * Each side is ranked cheapest first: buy items by price ascending, sell items by price descending
 * (selling at a lower price is more expensive for the SO). Null (NaN) prices rank as the most
 * expensive of their side. Ties break by source, BM Unit (index order = id order), acceptance
 * number, pair number, BSAD id, then item position — a total order, so ranking is deterministic.
 * "Most expensive first" is the reverse of this order.
 */
export const SOURCE = { BOA: 0, BSAA: 1, NET_ENERGY: 2, NET_SYSTEM: 3, DEMAND_CONTROL: 4 } as const
export type SourceName = keyof typeof SOURCE
export const BUY = 0
export const SELL = 1

export interface RankKeys {
  price: Float64Array
  source: Uint8Array
  bmUnit: Int32Array
  acceptanceId: Int32Array
  bidOfferPairId: Int32Array
  bsadId: Int32Array
}

/** Sorts `order` (item indices of one side) cheapest first. */
export function rankCheapestFirst(order: Int32Array, side: number, keys: RankKeys): Int32Array {
  const { price, source, bmUnit, acceptanceId, bidOfferPairId, bsadId } = keys
  const direction = side === BUY ? 1 : -1
  return order.sort((a, b) => {
    const pa = price[a]
    const pb = price[b]
    const na = Number.isNaN(pa)
    const nb = Number.isNaN(pb)
    if (na !== nb) return na ? 1 : -1
    if (!na && pa !== pb) return (pa - pb) * direction
    return (
      source[a] - source[b] ||
      bmUnit[a] - bmUnit[b] ||
      acceptanceId[a] - acceptanceId[b] ||
      bidOfferPairId[a] - bidOfferPairId[b] ||
      bsadId[a] - bsadId[b] ||
      a - b
    )
  })
}

/** true when price `a` is more expensive than `b` on `side` (NaN is the most expensive). */
export function moreExpensive(a: number, b: number, side: number): boolean {
  if (Number.isNaN(a)) return !Number.isNaN(b)
  if (Number.isNaN(b)) return false
  return side === BUY ? a > b : a < b
}
