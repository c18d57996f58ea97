/**
 * S8.1–S8.2 — build the imbalance-price stack items and apply the Reserve Scarcity Price
 * (domain/settlement.md S8.1, S8.2; BSC Section T 4.4, Annex T-1).
 *
 * One item per (unit, acceptance, pair, side) with a non-zero accepted volume (RR excluded by S1),
 * per DISBSAD item, per non-zero NETBSAD energy/system volume, and per demand-control volume.
 * CADL flag: the acceptance (or, with cadl_chaining, its chain of overlapping/adjacent acceptances
 * of the unit) lasts less than CADL. RSP = LoLP × VoLL; STOR buy items are priced max(price, RSP).
 * Item ranking and every tagging step follow in `imbalance_price`.
 */
import type { Stage, StageResult } from '../../../app/rules_runtime/stage.js'
import { frameOf, indices, numbers, offsetsOf, rangeLength } from '../lib/frame_access.js'
import { ItemColumns } from '../lib/item_columns.js'
import { booleanParam, choiceParam, numberParam } from '../lib/params.js'
import { ReportBuilder } from '../lib/report.js'
import { SOURCE, type SourceName } from '../lib/stack_order.js'
import { cadlFlags, marketIndexPrice } from '../lib/market_rules.js'

export const stackItems: Stage = {
  id: 'stack_items',
  title: 'Stack items with flags, STOR repricing to the Reserve Scarcity Price and TLMs',
  reference: 'BSC Section T 4.4; Annex T-1 (CADL, Reserve Scarcity Price); domain S8.1–S8.2',
  scope: 'period',
  reads: [
    'acceptance_volumes',
    'transmission_losses',
    'inputs.bmUnits',
    'inputs.acceptances',
    'inputs.disbsad',
    'inputs.netbsad',
    'inputs.marketIndex',
    'inputs.lolp',
    'inputs.demandControlVolume',
  ],
  writes: ['stack_items', 'price_inputs'],
  params: ['cadl_minutes', 'cadl_chaining', 'lolp_source', 'static_lolp', 'voll'],
  run(ctx): StageResult {
    const { inputs, range, params } = ctx
    const units = inputs.bmUnits.ids.length
    const periods = rangeLength(range)
    const cadlMs = numberParam(params, 'cadl_minutes') * 60_000
    const cadlFlagged = cadlFlags(inputs, cadlMs, booleanParam(params, 'cadl_chaining'))
    const lolpSource = choiceParam(params, 'lolp_source', ['none', 'input', 'parameter'])
    const voll = lolpSource === 'none' ? 0 : numberParam(params, 'voll')
    const av = frameOf(ctx, 'acceptance_volumes')
    const avOffsets = offsetsOf(av, range)
    const avUnit = indices(av, 'bmUnit')
    const avAcc = indices(av, 'acceptance')
    const avPair = indices(av, 'bidOfferPairId')
    const offerVolume = numbers(av, 'offerVolume')
    const bidVolume = numbers(av, 'bidVolume')
    const offerPrice = numbers(av, 'offerPrice')
    const bidPrice = numbers(av, 'bidPrice')
    const tlmColumn = numbers(frameOf(ctx, 'transmission_losses'), 'tlm')
    const { acceptances: acc, disbsad, netbsad } = inputs

    const items = new ItemColumns({
      side: Uint8Array,
      source: Uint8Array,
      bmUnit: Int32Array,
      acceptance: Int32Array,
      acceptanceId: Int32Array,
      bidOfferPairId: Int32Array,
      bsadId: Int32Array,
      cadlFlag: Uint8Array,
      soFlag: Uint8Array,
      storProviderFlag: Uint8Array,
      reserveScarcityPrice: Float64Array,
      originalPrice: Float64Array,
      price: Float64Array,
      volume: Float64Array,
      tlm: Float64Array,
    })
    const ids: string[] = []
    const sources: SourceName[] = []
    const periodOffsets = new Int32Array(periods + 1)
    const rsp = new Float64Array(periods)
    const lolpOut = new Float64Array(periods)
    const mip = new Float64Array(periods)
    const mipVolume = new Float64Array(periods)
    const report = new ReportBuilder().declare(
      'acceptancesCadlFlagged',
      'periodsMissingLolp',
      'storItemsRepriced',
      'bsadItemsWithZeroVolume'
    )
    const flaggedSeen = new Set<number>()

    for (let slot = 0; slot < periods; slot++) {
      const period = range.first + slot
      periodOffsets[slot] = items.length
      let lolp = 0
      if (lolpSource === 'input') {
        lolp = inputs.lolp[period - 1]
        if (Number.isNaN(lolp)) {
          lolp = 0
          report.indicate('periodsMissingLolp', 1, `P${period}`)
        }
      } else if (lolpSource === 'parameter') lolp = numberParam(params, 'static_lolp')
      lolpOut[slot] = lolp
      const scarcity = (rsp[slot] = lolp * voll)
      ;[mip[slot], mipVolume[slot]] = marketIndexPrice(inputs, period)

      for (let r = avOffsets[slot]; r < avOffsets[slot + 1]; r++) {
        const u = avUnit[r]
        const k = avAcc[r]
        if (cadlFlagged[k] && !flaggedSeen.has(k)) {
          flaggedSeen.add(k)
          report.indicate('acceptancesCadlFlagged', 1, `${inputs.bmUnits.ids[u]}/${acc.number[k]}`)
        }
        for (let side = 0; side < 2; side++) {
          const volume = side === 0 ? offerVolume[r] : bidVolume[r]
          if (volume === 0) continue
          const x = add(
            'BOA',
            inputs.bmUnits.ids[u],
            volume,
            side === 0 ? offerPrice[r] : bidPrice[r],
            acc.soFlag[k],
            acc.storFlag[k],
            scarcity
          )
          const c = items.columns
          c.bmUnit[x] = u
          c.acceptance[x] = k
          c.acceptanceId[x] = acc.number[k]
          c.bidOfferPairId[x] = avPair[r]
          c.cadlFlag[x] = cadlFlagged[k]
          c.tlm[x] = tlmColumn[slot * units + u]
        }
      }
      for (let d = disbsad.periodOffsets[period - 1]; d < disbsad.periodOffsets[period]; d++) {
        const volume = disbsad.volume[d]
        if (volume === 0) {
          report.indicate('bsadItemsWithZeroVolume', 1, `${disbsad.id[d]} P${period}`)
          continue
        }
        const x = add(
          'BSAA',
          String(disbsad.id[d]),
          volume,
          disbsad.cost[d] / volume,
          disbsad.soFlag[d],
          disbsad.storFlag[d],
          scarcity
        )
        items.columns.bsadId[x] = disbsad.id[d]
      }
      const j = period - 1
      const netItems: [string, number, number, number][] = [
        [
          'NET_ENERGY_BUY',
          netbsad.netBuyPriceVolumeAdjustmentEnergy[j],
          netbsad.netBuyPriceCostAdjustmentEnergy[j],
          0,
        ],
        [
          'NET_ENERGY_SELL',
          netbsad.netSellPriceVolumeAdjustmentEnergy[j],
          netbsad.netSellPriceCostAdjustmentEnergy[j],
          0,
        ],
        ['NET_SYSTEM_BUY', netbsad.netBuyPriceVolumeAdjustmentSystem[j], Number.NaN, 1],
        ['NET_SYSTEM_SELL', netbsad.netSellPriceVolumeAdjustmentSystem[j], Number.NaN, 1],
      ]
      for (const [id, volume, cost, system] of netItems) {
        // Energy adjustments are priced cost/volume and unflagged; system adjustments carry no price and are flagged.
        if (volume !== 0)
          add(system ? 'NET_SYSTEM' : 'NET_ENERGY', id, volume, cost / volume, system, 0, scarcity)
      }
      const demandControl = inputs.demandControlVolume[j]
      if (demandControl !== 0)
        add(
          'DEMAND_CONTROL',
          'DEMAND_CONTROL',
          demandControl,
          numberParam(params, 'voll'),
          0,
          0,
          scarcity
        )
    }
    periodOffsets[periods] = items.length
    report.count('items', items.length)
    return {
      outputs: {
        stack_items: {
          axis: 'item',
          perPeriod: false,
          periodOffsets,
          columns: items.finish(),
          labels: { id: ids, source: sources },
        },
        price_inputs: {
          axis: 'period',
          perPeriod: true,
          columns: {
            reserveScarcityPrice: rsp,
            lossOfLoadProbability: lolpOut,
            marketIndexPrice: mip,
            marketIndexVolume: mipVolume,
          },
        },
      },
      report: report.build(),
    }

    function add(
      source: SourceName,
      id: string,
      volume: number,
      price: number,
      so: number,
      stor: number,
      scarcity: number
    ): number {
      const x = items.push()
      const c = items.columns
      const side = volume > 0 ? 0 : 1
      c.side[x] = side
      c.source[x] = SOURCE[source]
      c.bmUnit[x] = -1
      c.acceptance[x] = -1
      c.acceptanceId[x] = -1
      c.bidOfferPairId[x] = 0 // pair numbers are never 0, so 0 marks "no pair" (−1 is a real pair)
      c.bsadId[x] = -1
      c.soFlag[x] = so
      c.storProviderFlag[x] = stor
      c.originalPrice[x] = price
      c.volume[x] = volume
      c.tlm[x] = 1
      const repriced = stor === 1 && side === 0 && lolpSource !== 'none'
      c.reserveScarcityPrice[x] = stor === 1 ? scarcity : 0
      c.price[x] = repriced && price < scarcity ? scarcity : price
      if (repriced && c.price[x] !== price) report.indicate('storItemsRepriced')
      ids.push(id)
      sources.push(source)
      return x
    }
  },
}
