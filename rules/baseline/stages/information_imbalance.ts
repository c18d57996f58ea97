/**
 * S10.4 — information imbalance (domain/settlement.md S10.4; BSC Section T 4.5).
 *   QIIi = QMi − QMEi;   CIIi = |QIIi| × IIP1 if QIIi < 0, |QIIi| × IIP2 if QIIi > 0  (+ = debit)
 * Both prices have been £0/MWh since the BSC started; which applies to which sign is [C3].
 */
import type { Stage, StageResult } from '../../../app/rules_runtime/stage.js'
import { frameOf, numbers } from '../lib/frame_access.js'
import { numberParam } from '../lib/params.js'
import { ReportBuilder } from '../lib/report.js'

export const informationImbalance: Stage = {
  id: 'information_imbalance',
  title: 'Information imbalance volumes and charges',
  reference: 'BSC Section T 4.5 (QIIij, CIIij, IIP); domain S10.4',
  scope: 'period',
  reads: ['metered_volumes', 'bm_unit_volumes'],
  writes: ['information_imbalance'],
  params: ['information_imbalance_price_1', 'information_imbalance_price_2'],
  run(ctx): StageResult {
    const iip1 = numberParam(ctx.params, 'information_imbalance_price_1')
    const iip2 = numberParam(ctx.params, 'information_imbalance_price_2')
    const qm = numbers(frameOf(ctx, 'metered_volumes'), 'qm')
    const qme = numbers(frameOf(ctx, 'bm_unit_volumes'), 'qme')
    const qii = new Float64Array(qm.length)
    const cii = new Float64Array(qm.length)
    for (const [at, element] of qm.entries()) {
      qii[at] = element - qme[at]
      cii[at] = qii[at] < 0 ? -qii[at] * iip1 : qii[at] > 0 ? qii[at] * iip2 : 0
    }
    const report = new ReportBuilder()
    report.count('bmUnitPeriods', qm.length)
    return {
      outputs: {
        information_imbalance: { axis: 'bmUnit', perPeriod: true, columns: { qii, cii } },
      },
      report: report.build(),
    }
  },
}
