/**
 * P462 — the baseline imbalance price (S8.3–S8.12) computed on the P462 stack items, so every step
 * (arbitrage, classification, NIV and PAR tagging, the main price) sees the subsidy-free bid prices.
 * The algorithm is the baseline's own; only its input frame changes.
 */
import type { ColumnFrame, Stage } from '../../../../app/rules_runtime/stage.js'
import { frameOf } from '../../../baseline/lib/frame_access.js'
import { imbalancePrice as baseline } from '../../../baseline/stages/imbalance_price.js'

const renamed = (read: string) => (read === 'stack_items' ? 'p462_stack_items' : read)
/** the frames the baseline stage reads (not `inputs.…`) */
const frameReads = baseline.reads.filter((read) => !read.startsWith('inputs.'))

export const imbalancePrice: Stage = {
  ...baseline,
  title: `${baseline.title} (P462 subsidy-free bid prices)`,
  reference: `${baseline.reference}; BSC Modification P462 (proposed)`,
  reads: baseline.reads.map(renamed),
  run(ctx) {
    const frames: Record<string, ColumnFrame> = {}
    for (const read of frameReads) frames[read] = frameOf(ctx, renamed(read))
    return baseline.run({ ...ctx, frames })
  },
}
