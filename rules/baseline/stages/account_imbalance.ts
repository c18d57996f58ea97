/**
 * S9 — account energy imbalance (domain/settlement.md S9; BSC Section T 4.6.3).
 *   QAEIa = QCEa − QABSa − QABCa       (+ = long/spill, − = short/top-up)
 */
import type { Stage, StageResult } from '../../../app/rules_runtime/stage.js'
import { frameOf, numbers } from '../lib/frame_access.js'
import { ReportBuilder } from '../lib/report.js'

export const accountImbalance: Stage = {
  id: 'account_imbalance',
  title: 'Account energy imbalance volumes',
  reference: 'BSC Section T 4.6.3 (QAEIaj); domain S9',
  scope: 'period',
  reads: ['credited_energy', 'contract_volumes'],
  writes: ['account_imbalance'],
  params: [],
  run(ctx): StageResult {
    const credited = frameOf(ctx, 'credited_energy')
    const qce = numbers(credited, 'qce')
    const qabs = numbers(credited, 'qabs')
    const qabc = numbers(frameOf(ctx, 'contract_volumes'), 'qabc')
    const qaei = new Float64Array(qce.length)
    for (let at = 0; at < qce.length; at++) qaei[at] = qce[at] - qabs[at] - qabc[at]
    const report = new ReportBuilder()
    report.count('accountPeriods', qce.length)
    return {
      outputs: { account_imbalance: { axis: 'account', perPeriod: true, columns: { qaei } } },
      report: report.build(),
    }
  },
}
