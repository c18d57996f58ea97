/**
 * The per-period system price record (domain/settlement.md S8.11) with Elexon's SystemPriceResponse
 * field names; NaN where the API shows null.
 */
import type { ColumnFrame } from '../../../app/rules_runtime/stage.js'
import type { StackWork } from './price_steps.js'
import { BUY, SOURCE } from './stack_order.js'

const FIELDS = [
  'systemSellPrice',
  'systemBuyPrice',
  'bsadDefaulted',
  'reserveScarcityPrice',
  'netImbalanceVolume',
  'sellPriceAdjustment',
  'buyPriceAdjustment',
  'replacementPrice',
  'replacementPriceReferenceVolume',
  'totalAcceptedOfferVolume',
  'totalAcceptedBidVolume',
  'totalAdjustmentSellVolume',
  'totalAdjustmentBuyVolume',
  'totalSystemTaggedAcceptedOfferVolume',
  'totalSystemTaggedAcceptedBidVolume',
  'totalSystemTaggedAdjustmentSellVolume',
  'totalSystemTaggedAdjustmentBuyVolume',
] as const

export interface PeriodPrice {
  w: StackWork
  from: number
  to: number
  niv: number
  sbp: number
  ssp: number
  rp: number
  rpVolume: number
  rsp: number
  bpa: number
  spa: number
  code: string
  bsadDefaulted: number
}

export function systemPriceRecord(periods: number) {
  const columns = Object.fromEntries(FIELDS.map((f) => [f, new Float64Array(periods)])) as Record<
    (typeof FIELDS)[number],
    Float64Array
  >
  const codes: string[] = new Array(periods).fill(null)
  return {
    set(slot: number, p: PeriodPrice) {
      const c = columns
      c.systemSellPrice[slot] = p.ssp
      c.systemBuyPrice[slot] = p.sbp
      c.bsadDefaulted[slot] = p.bsadDefaulted
      c.reserveScarcityPrice[slot] = p.rsp
      c.netImbalanceVolume[slot] = p.niv
      c.sellPriceAdjustment[slot] = p.spa
      c.buyPriceAdjustment[slot] = p.bpa
      c.replacementPrice[slot] = p.rp
      c.replacementPriceReferenceVolume[slot] = p.rpVolume
      // Four categories: accepted offers/bids (BOA) and adjustment buys/sells (every other source).
      const raw = [0, 0, 0, 0]
      const kept = [0, 0, 0, 0]
      const present = [false, false, false, false]
      for (let x = p.from; x < p.to; x++) {
        const category = (p.w.source[x] === SOURCE.BOA ? 0 : 2) + (p.w.side[x] === BUY ? 0 : 1)
        raw[category] += p.w.volume[x]
        kept[category] += p.w.par[x]
        present[category] = true
      }
      c.totalAcceptedOfferVolume[slot] = raw[0]
      c.totalAcceptedBidVolume[slot] = raw[1]
      c.totalAdjustmentBuyVolume[slot] = raw[2]
      c.totalAdjustmentSellVolume[slot] = raw[3]
      const tagged = (category: number) =>
        present[category] ? raw[category] - kept[category] : Number.NaN
      c.totalSystemTaggedAcceptedOfferVolume[slot] = tagged(0)
      c.totalSystemTaggedAcceptedBidVolume[slot] = tagged(1)
      c.totalSystemTaggedAdjustmentBuyVolume[slot] = tagged(2)
      c.totalSystemTaggedAdjustmentSellVolume[slot] = tagged(3)
      codes[slot] = p.code
    },
    frame(): ColumnFrame {
      return { axis: 'period', perPeriod: true, columns, labels: { priceDerivationCode: codes } }
    },
  }
}
