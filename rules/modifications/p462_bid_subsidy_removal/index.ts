/** P462 plugin: an added bid-price transform and the imbalance price computed on its output. */
import type { Stage } from '../../../app/rules_runtime/stage.js'
import { bidPriceAdjustment } from './stages/bid_price_adjustment.js'
import { imbalancePrice } from './stages/imbalance_price.js'

export const stages: Stage[] = [bidPriceAdjustment, imbalancePrice]
