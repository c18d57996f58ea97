/**
 * P462 — subsidy-free bid prices for the imbalance price (an S8.1 price transform).
 *
 * Renewable units paid RO/CfD subsidies on metered output price the subsidy they lose into their
 * bids, which therefore go negative. For the imbalance price only, every accepted BM bid priced
 * below the floor `F = p462_bid_price_floor` is treated as priced at the floor:
 *
 *   p'_x = max(p_x, F)   for stack items x with source BOA on the sell (bid) side
 *   subsidyAdjustment_x = p'_x − p_x   (≥ 0; 0 for every other item)
 *
 * Writes a copy of `stack_items` with the adjusted `price` (the price every tagging step ranks and
 * averages) and the adjustment; `originalPrice` keeps the submitted bid. BM cashflows (S10.1) keep
 * paying the submitted bid price: they read the acceptance volumes, not the stack.
 */
import type { Stage, StageResult } from '../../../../app/rules_runtime/stage.js'
import { flags, frameOf, numbers } from '../../../baseline/lib/frame_access.js'
import { numberParam } from '../../../baseline/lib/params.js'
import { ReportBuilder } from '../../../baseline/lib/report.js'
import { SELL, SOURCE } from '../../../baseline/lib/stack_order.js'

export const bidPriceAdjustment: Stage = {
  id: 'p462_bid_price_adjustment',
  title: 'P462: accepted bids priced below the floor enter the imbalance price at the floor',
  reference: 'BSC Modification P462 (proposed); BSC Section T 4.4, Annex T-1; domain S8.1',
  scope: 'period',
  reads: ['stack_items'],
  writes: ['p462_stack_items'],
  params: ['p462_bid_price_floor'],
  run(ctx): StageResult {
    const floor = numberParam(ctx.params, 'p462_bid_price_floor')
    const items = frameOf(ctx, 'stack_items')
    const side = flags(items, 'side')
    const source = flags(items, 'source')
    const price = Float64Array.from(numbers(items, 'price'))
    const subsidyAdjustment = new Float64Array(price.length)
    const ids = items.labels?.id ?? []
    const report = new ReportBuilder().declare('bidsAdjusted', 'volumeAdjusted')
    const volume = numbers(items, 'volume')
    for (let x = 0; x < price.length; x++) {
      if (source[x] !== SOURCE.BOA || side[x] !== SELL || !(price[x] < floor)) continue
      subsidyAdjustment[x] = floor - price[x]
      price[x] = floor
      report.indicate('bidsAdjusted', 1, ids[x] ?? undefined)
      report.indicate('volumeAdjusted', Math.abs(volume[x]))
    }
    report.count('items', price.length)
    return {
      outputs: {
        p462_stack_items: {
          ...items,
          columns: { ...items.columns, price, subsidyAdjustment },
        },
      },
      report: report.build(),
    }
  },
}
