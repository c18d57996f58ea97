/**
 * S8.3–S8.11 — the imbalance price (domain/settlement.md S8, §4.8.1–4.8.5, §4.8.16; BSC Section T
 * 4.4, Annex T-1). Per period: rank → DMAT → NIV → arbitrage → classification → NIV tagging →
 * replacement price → PAR → TLM → main price → SBP/SSP (5 dp, used by the charges).
 *
 * Price derivation codes (§4.8.16, [C3] beyond P/N): P = NIV > 0 (buy side prices), N = NIV < 0,
 * K = NIV = 0 and the price defaults to MIP, L = NIV = 0 and no market index volume (price 0).
 * Writes the published stack (S8.12) and system price record (Insights field names).
 */
import type { Stage, StageResult } from '../../../app/rules_runtime/stage.js'
import { roundPrice } from '../../../app/rules_runtime/rounding.js'
import { flags, frameOf, indices, numbers, offsetsOf, rangeLength } from '../lib/frame_access.js'
import { booleanParam, choiceParam, numberParam } from '../lib/params.js'
import {
  arbitrageTag,
  classify,
  dmatTag,
  mainPrice,
  netImbalanceVolume,
  nivTag,
  parTag,
  replacementPrice,
  type StackWork,
} from '../lib/price_steps.js'
import { ReportBuilder } from '../lib/report.js'
import { BUY, rankCheapestFirst, SELL, SOURCE } from '../lib/stack_order.js'
import { systemPriceRecord } from '../lib/system_price_record.js'

export const imbalancePrice: Stage = {
  id: 'imbalance_price',
  title:
    'Imbalance price: DMAT, NIV, arbitrage, classification, NIV tagging, replacement price, PAR, TLM',
  reference: 'BSC Section T 4.4; Annex T-1; P217A, P305; domain S8.3–S8.12',
  scope: 'period',
  reads: ['stack_items', 'price_inputs', 'inputs.netbsad'],
  writes: ['stack', 'system_prices'],
  params: ['dmat_volume', 'dmat_grouping', 'rpar_volume', 'par_volume', 'single_imbalance_price'],
  run(ctx): StageResult {
    const { inputs, range, params } = ctx
    const dmat = numberParam(params, 'dmat_volume')
    const grouping = choiceParam(params, 'dmat_grouping', ['item', 'acceptance'])
    const rpar = numberParam(params, 'rpar_volume')
    const par = numberParam(params, 'par_volume')
    const single = booleanParam(params, 'single_imbalance_price')
    const items = frameOf(ctx, 'stack_items')
    const offsets = offsetsOf(items, range)
    const priceInputs = frameOf(ctx, 'price_inputs')
    const rsp = numbers(priceInputs, 'reserveScarcityPrice')
    const mip = numbers(priceInputs, 'marketIndexPrice')
    const mipVolume = numbers(priceInputs, 'marketIndexVolume')
    const n = items.columns.volume.length
    const w: StackWork = {
      side: flags(items, 'side'),
      source: flags(items, 'source'),
      acceptance: indices(items, 'acceptance'),
      soFlag: flags(items, 'soFlag'),
      cadlFlag: flags(items, 'cadlFlag'),
      price: numbers(items, 'price'),
      volume: numbers(items, 'volume'),
      tlm: numbers(items, 'tlm'),
      dmat: new Float64Array(n),
      arbitrage: new Float64Array(n),
      niv: new Float64Array(n),
      second: new Uint8Array(n),
      finalPrice: new Float64Array(n),
      repriced: new Uint8Array(n),
      par: new Float64Array(n),
      tlmVolume: new Float64Array(n),
      tlmCost: new Float64Array(n),
    }
    const rankKeys = {
      price: w.price,
      source: w.source,
      bmUnit: indices(items, 'bmUnit'),
      acceptanceId: indices(items, 'acceptanceId'),
      bidOfferPairId: indices(items, 'bidOfferPairId'),
      bsadId: indices(items, 'bsadId'),
    }
    const sequence = new Int32Array(n)
    const ranked = new Int32Array(n) // per period: buy ranking then sell ranking
    const scratch = new Int32Array(n)
    const record = systemPriceRecord(rangeLength(range))
    const report = new ReportBuilder().declare(
      'itemsDmatTagged',
      'volumeDmatTagged',
      'volumeArbitrageTagged',
      'volumeNivTagged',
      'volumeParTagged',
      'itemsRepriced',
      'periodsRepriced',
      'periodsMipDefault',
      'periodsBsadDefaulted'
    )

    for (let slot = 0; slot < rangeLength(range); slot++) {
      const period = range.first + slot
      const from = offsets[slot]
      const to = offsets[slot + 1]
      let nb = 0
      for (let x = from; x < to; x++) if (w.side[x] === BUY) ranked[from + nb++] = x
      let ns = 0
      for (let x = from; x < to; x++) if (w.side[x] === SELL) ranked[from + nb + ns++] = x
      const buy = rankCheapestFirst(ranked.subarray(from, from + nb), BUY, rankKeys)
      const sell = rankCheapestFirst(ranked.subarray(from + nb, to), SELL, rankKeys)
      buy.forEach((x, i) => (sequence[x] = i + 1))
      sell.forEach((x, i) => (sequence[x] = i + 1))

      dmatTag(w, from, to, dmat, grouping)
      const niv = netImbalanceVolume(w, from, to)
      const arbitraged = arbitrageTag(w, from, to, buy, sell)
      classify(w, buy, BUY)
      classify(w, sell, SELL)
      const nivRemoved = nivTag(w, from, to, niv, buy, sell)
      const nivSide = niv > 0 ? buy : niv < 0 ? sell : buy.subarray(0, 0)
      const sideOfNiv = niv < 0 ? SELL : BUY
      const [rp, rpVolume] = replacementPrice(w, from, to, nivSide, rpar, mip[slot])
      parTag(w, from, to, nivSide, sideOfNiv, par, scratch)
      const main = mainPrice(w, from, to)

      const j = period - 1
      const bpa = inputs.netbsad.buyPricePriceAdjustment[j]
      const spa = inputs.netbsad.sellPricePriceAdjustment[j]
      const reference = niv === 0 || Number.isNaN(main) ? mip[slot] : main
      const sbp = roundPrice(
        niv > 0 ? reference + bpa : niv < 0 && single ? reference + spa : mip[slot]
      )
      const ssp = roundPrice(
        niv < 0 ? reference + spa : niv > 0 && single ? reference + bpa : mip[slot]
      )
      const code = niv > 0 ? 'P' : niv < 0 ? 'N' : mipVolume[slot] > 0 ? 'K' : 'L'
      record.set(slot, {
        w,
        from,
        to,
        niv,
        sbp,
        ssp,
        rp,
        rpVolume,
        rsp: rsp[slot],
        bpa,
        spa,
        code,
        bsadDefaulted: inputs.netbsad.bsadDefaulted[j],
      })

      if (niv === 0 || Number.isNaN(main)) report.indicate('periodsMipDefault', 1, `P${period}`)
      if (inputs.netbsad.bsadDefaulted[j]) report.indicate('periodsBsadDefaulted', 1, `P${period}`)
      if (!Number.isNaN(rp)) report.indicate('periodsRepriced', 1, `P${period}`)
      report.indicate('volumeArbitrageTagged', arbitraged)
      report.indicate('volumeNivTagged', nivRemoved)
      for (let x = from; x < to; x++) {
        if (w.source[x] === SOURCE.BOA && w.dmat[x] === 0) {
          report.indicate('itemsDmatTagged')
          report.indicate('volumeDmatTagged', Math.abs(w.volume[x]))
        }
        report.indicate('itemsRepriced', w.repriced[x])
        if (w.niv[x] !== 0)
          report.indicate('volumeParTagged', Math.abs(w.niv[x]) - Math.abs(w.par[x]))
      }
    }
    report.count('items', n)
    report.count('periods', rangeLength(range))
    return {
      outputs: { stack: publishedStack(items, w, sequence), system_prices: record.frame() },
      report: report.build(),
    }
  },
}

/** The Insights stack shape (S8.12): NaN where the API shows null. */
function publishedStack(items: ReturnType<typeof frameOf>, w: StackWork, sequence: Int32Array) {
  const dmatTagged = (x: number) =>
    w.source[x] === SOURCE.BOA && w.dmat[x] === 0 && w.volume[x] !== 0
  const after = (column: Float64Array) =>
    Float64Array.from(column, (v, x) => (dmatTagged(x) ? Number.NaN : v))
  const originalPrice = numbers(items, 'originalPrice')
  return {
    axis: 'item' as const,
    perPeriod: false,
    periodOffsets: items.periodOffsets,
    columns: {
      side: w.side,
      sequenceNumber: sequence,
      bmUnit: indices(items, 'bmUnit'),
      acceptanceId: indices(items, 'acceptanceId'),
      bidOfferPairId: indices(items, 'bidOfferPairId'),
      cadlFlag: w.cadlFlag,
      soFlag: w.soFlag,
      storProviderFlag: flags(items, 'storProviderFlag'),
      repricedIndicator: w.repriced,
      reserveScarcityPrice: numbers(items, 'reserveScarcityPrice'),
      originalPrice,
      volume: w.volume,
      dmatAdjustedVolume: w.dmat,
      arbitrageAdjustedVolume: after(w.arbitrage),
      nivAdjustedVolume: after(w.niv),
      parAdjustedVolume: after(w.par),
      finalPrice: w.finalPrice,
      transmissionLossMultiplier: w.tlm,
      tlmAdjustedVolume: after(w.tlmVolume),
      tlmAdjustedCost: after(w.tlmCost),
      secondStageFlagged: w.second,
    },
    labels: { id: items.labels!.id, source: items.labels!.source },
  }
}
