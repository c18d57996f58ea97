/**
 * S7 — account bilateral contract volumes (domain/settlement.md S7; BSC Section T 4.6, ECVAA).
 *   QABCa = Σ_{z: from(z)=a} ECQz − Σ_{z: to(z)=a} ECQz      (seller positive, Σ_a QABCa = 0)
 */
import type { Stage, StageResult } from '../../../app/rules_runtime/stage.js'
import { lowerBound, rangeLength } from '../lib/frame_access.js'
import { ReportBuilder } from '../lib/report.js'

export const contractVolumes: Stage = {
  id: 'contract_volumes',
  title: 'Account bilateral contract volumes from ECVNs',
  reference: 'BSC Section T 4.6 (QABCaj); Section P (ECVN); domain S7',
  scope: 'period',
  reads: ['inputs.accounts', 'inputs.ecvn'],
  writes: ['contract_volumes'],
  params: [],
  run({ inputs, range }): StageResult {
    const accounts = inputs.accounts.ids.length
    const qabc = new Float64Array(rangeLength(range) * accounts)
    const { ecvn } = inputs
    const first = lowerBound(ecvn.period, range.first)
    const last = lowerBound(ecvn.period, range.last + 1)
    for (let z = first; z < last; z++) {
      const base = (ecvn.period[z] - range.first) * accounts
      qabc[base + ecvn.fromAccount[z]] += ecvn.volume[z]
      qabc[base + ecvn.toAccount[z]] -= ecvn.volume[z]
    }
    const report = new ReportBuilder()
    report.count('notifications', last - first)
    return {
      outputs: { contract_volumes: { axis: 'account', perPeriod: true, columns: { qabc } } },
      report: report.build(),
    }
  },
}
