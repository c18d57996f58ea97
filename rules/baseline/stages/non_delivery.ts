/**
 * S10.2 — non-delivery charge (domain/settlement.md S10.2, §4.8.7; BSC Section T 4.8).
 *   QNDO = min(QAO, max(QME − QM, 0))        QNDB = min(|QAB|, max(QM − QME, 0))
 * allocated across the unit's pairs (each at most its period accepted volume) in the order of
 * `non_delivery_order` [C3], then
 *   CND = Σ QNDOu × max(POu − SBP, 0) + Σ QNDBu × max(SSP − PBu, 0)     (+ = debit to the Lead Party)
 */
import type { Stage, StageResult } from '../../../app/rules_runtime/stage.js'
import { frameOf, indices, numbers, offsetsOf, rangeLength } from '../lib/frame_access.js'
import { choiceParam } from '../lib/params.js'
import { ReportBuilder, unitPeriod } from '../lib/report.js'

export const nonDelivery: Stage = {
  id: 'non_delivery',
  title: 'Non-delivered offer and bid volumes and the non-delivery charge',
  reference: 'BSC Section T 4.8 (QNDOij, QNDBij, RQNDOuij, CNDij); domain S10.2',
  scope: 'period',
  reads: [
    'acceptance_volumes',
    'bm_unit_volumes',
    'metered_volumes',
    'system_prices',
    'inputs.bmUnits',
  ],
  writes: ['non_delivery'],
  params: ['non_delivery_order'],
  run(ctx): StageResult {
    const { inputs, range } = ctx
    const highestFirst =
      choiceParam(ctx.params, 'non_delivery_order', [
        'highest_offer_first',
        'lowest_offer_first',
      ]) === 'highest_offer_first'
    const units = inputs.bmUnits.ids.length
    const periods = rangeLength(range)
    const av = frameOf(ctx, 'acceptance_volumes')
    const offsets = offsetsOf(av, range)
    const avUnit = indices(av, 'bmUnit')
    const avPair = indices(av, 'bidOfferPairId')
    const offerVolume = numbers(av, 'offerVolume')
    const bidVolume = numbers(av, 'bidVolume')
    const offerPrice = numbers(av, 'offerPrice')
    const bidPrice = numbers(av, 'bidPrice')
    const volumes = frameOf(ctx, 'bm_unit_volumes')
    const qao = numbers(volumes, 'qao')
    const qab = numbers(volumes, 'qab')
    const qme = numbers(volumes, 'qme')
    const qm = numbers(frameOf(ctx, 'metered_volumes'), 'qm')
    const prices = frameOf(ctx, 'system_prices')
    const sbp = numbers(prices, 'systemBuyPrice')
    const ssp = numbers(prices, 'systemSellPrice')
    const qndo = new Float64Array(periods * units)
    const qndb = new Float64Array(periods * units)
    const cnd = new Float64Array(periods * units)
    const report = new ReportBuilder().declare('bmUnitPeriodsCharged')
    // Per unit-period scratch: one slot per bid-offer pair (a unit has at most a dozen).
    let pairId = new Int32Array(16)
    let offer = new Float64Array(16)
    let bid = new Float64Array(16)
    let po = new Float64Array(16)
    let pb = new Float64Array(16)
    let order = new Int32Array(16)

    for (let slot = 0; slot < periods; slot++) {
      let r = offsets[slot]
      while (r < offsets[slot + 1]) {
        const u = avUnit[r]
        let pairs = 0
        for (; r < offsets[slot + 1] && avUnit[r] === u; r++) {
          let p = 0
          while (p < pairs && pairId[p] !== avPair[r]) p++
          if (p === pairs) {
            if (pairs === pairId.length) grow()
            pairId[p] = avPair[r]
            offer[p] = 0
            bid[p] = 0
            po[p] = offerPrice[r]
            pb[p] = bidPrice[r]
            pairs++
          }
          offer[p] += offerVolume[r]
          bid[p] += bidVolume[r]
        }
        const at = slot * units + u
        let offerLeft = (qndo[at] = Math.min(qao[at], Math.max(qme[at] - qm[at], 0)))
        let bidLeft = (qndb[at] = Math.min(Math.abs(qab[at]), Math.max(qm[at] - qme[at], 0)))
        let charge = 0
        // Offers: highest price first (default); equal prices by pair number.
        rank(pairs, po, highestFirst)
        for (let i = 0; i < pairs && offerLeft > 0; i++) {
          const take = Math.min(offerLeft, offer[order[i]])
          offerLeft -= take
          charge += take * Math.max(po[order[i]] - sbp[slot], 0)
        }
        // Bids: lowest price first (default).
        rank(pairs, pb, !highestFirst)
        for (let i = 0; i < pairs && bidLeft > 0; i++) {
          const take = Math.min(bidLeft, -bid[order[i]])
          bidLeft -= take
          charge += take * Math.max(ssp[slot] - pb[order[i]], 0)
        }
        cnd[at] = charge
        if (charge !== 0)
          report.indicate(
            'bmUnitPeriodsCharged',
            1,
            unitPeriod(inputs.bmUnits.ids[u], range.first + slot)
          )
      }
    }
    report.count('bmUnitPeriods', periods * units)
    return {
      outputs: { non_delivery: { axis: 'bmUnit', perPeriod: true, columns: { qndo, qndb, cnd } } },
      report: report.build(),
    }

    /** order[0..n) = pair slots by price (descending when `descending`), then pair number. */
    function rank(n: number, price: Float64Array, descending: boolean) {
      for (let i = 0; i < n; i++) {
        const p = i
        let j = i - 1
        while (j >= 0 && before(p, order[j])) {
          order[j + 1] = order[j]
          j--
        }
        order[j + 1] = p
      }
      function before(a: number, b: number) {
        if (price[a] !== price[b]) return descending ? price[a] > price[b] : price[a] < price[b]
        return pairId[a] < pairId[b]
      }
    }

    function grow() {
      const widen = <T extends Int32Array | Float64Array>(a: T): T => {
        const b = new (a.constructor as new (n: number) => T)(a.length * 2)
        b.set(a)
        return b
      }
      pairId = widen(pairId)
      offer = widen(offer)
      bid = widen(bid)
      po = widen(po)
      pb = widen(pb)
      order = widen(order)
    }
  },
}
