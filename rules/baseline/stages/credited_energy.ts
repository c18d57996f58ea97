/**
 * S6 — credited energy and balancing volumes per energy account (domain/settlement.md S6;
 * BSC Section T 4.6; Section P for MVRNs).
 *
 * For unit i with lead account L and MVRNs z to subsidiary accounts a(z):
 *   QMRz = QMFRz + MVRPz/100 × base      base = QM − Σ QMFR (after_fixed) or QM (metered)   [C3]
 *   QCEi,a(z) = QMRz × TLM;   QCEi,L = (QM − Σ QMRz) × TLM;   QCEa = Σ_i QCEia
 *   QABSa = Σ_{i led by a} QBSi × TLMi (qabs_loss_adjusted, [C3]) — BM volumes stay with the lead.
 * The per-unit split (credited_energy_allocations) is what RCRC signs by delivering status (S11).
 */
import type { Stage, StageResult } from '../../../app/rules_runtime/stage.js'
import { frameOf, lowerBound, numbers, rangeLength } from '../lib/frame_access.js'
import { ItemColumns } from '../lib/item_columns.js'
import { booleanParam, choiceParam } from '../lib/params.js'
import { ReportBuilder } from '../lib/report.js'

export const creditedEnergy: Stage = {
  id: 'credited_energy',
  title: 'Account credited energy (with MVRN) and balancing services volumes',
  reference: 'BSC Section T 4.6 (QCEaj, QABSaj); Section P (MVRN); domain S6',
  scope: 'period',
  reads: [
    'metered_volumes',
    'transmission_losses',
    'bm_unit_volumes',
    'inputs.bmUnits',
    'inputs.accounts',
    'inputs.mvrn',
  ],
  writes: ['credited_energy_allocations', 'credited_energy'],
  params: ['mvrn_percentage_base', 'qabs_loss_adjusted'],
  run(ctx): StageResult {
    const { inputs, range, params } = ctx
    const afterFixed =
      choiceParam(params, 'mvrn_percentage_base', ['after_fixed', 'metered']) === 'after_fixed'
    const lossAdjusted = booleanParam(params, 'qabs_loss_adjusted')
    const units = inputs.bmUnits.ids.length
    const accounts = inputs.accounts.ids.length
    const periods = rangeLength(range)
    const qm = numbers(frameOf(ctx, 'metered_volumes'), 'qm')
    const tlm = numbers(frameOf(ctx, 'transmission_losses'), 'tlm')
    const qbs = numbers(frameOf(ctx, 'bm_unit_volumes'), 'qbs')
    const { mvrn } = inputs
    const qce = new Float64Array(periods * accounts)
    const qabs = new Float64Array(periods * accounts)
    const rows = new ItemColumns(
      { bmUnit: Int32Array, account: Int32Array, qcei: Float64Array },
      units * periods + 16
    )
    const periodOffsets = new Int32Array(periods + 1)
    const report = new ReportBuilder().declare('mvrnsApplied')

    for (let slot = 0; slot < periods; slot++) {
      const period = range.first + slot
      periodOffsets[slot] = rows.length
      let z = lowerBound(mvrn.period, period)
      const zEnd = lowerBound(mvrn.period, period + 1)
      for (let u = 0; u < units; u++) {
        const at = slot * units + u
        const lead = inputs.bmUnits.leadAccount[u]
        // MVRNs are sorted by period then unit, so this unit's are the next run.
        while (z < zEnd && mvrn.bmUnit[z] < u) z++
        const zFrom = z
        while (z < zEnd && mvrn.bmUnit[z] === u) z++
        let fixedTotal = 0
        for (let m = zFrom; m < z; m++) fixedTotal += mvrn.fixedVolume[m]
        const base = afterFixed ? qm[at] - fixedTotal : qm[at]
        let reallocated = 0
        const leadRow = add(u, lead, 0)
        for (let m = zFrom; m < z; m++) {
          const qmr = mvrn.fixedVolume[m] + (mvrn.percentage[m] / 100) * base
          reallocated += qmr
          add(u, mvrn.toAccount[m], qmr * tlm[at])
          report.indicate('mvrnsApplied')
        }
        rows.columns.qcei[leadRow] = (qm[at] - reallocated) * tlm[at]
        qabs[slot * accounts + lead] += qbs[at] * (lossAdjusted ? tlm[at] : 1)
      }
      for (let r = periodOffsets[slot]; r < rows.length; r++) {
        qce[slot * accounts + rows.columns.account[r]] += rows.columns.qcei[r]
      }
    }
    periodOffsets[periods] = rows.length
    report.count('bmUnitPeriods', periods * units)
    return {
      outputs: {
        credited_energy_allocations: {
          axis: 'item',
          perPeriod: false,
          periodOffsets,
          columns: rows.finish(),
        },
        credited_energy: { axis: 'account', perPeriod: true, columns: { qce, qabs } },
      },
      report: report.build(),
    }

    function add(unit: number, account: number, qcei: number): number {
      const r = rows.push()
      rows.columns.bmUnit[r] = unit
      rows.columns.account[r] = account
      rows.columns.qcei[r] = qcei
      return r
    }
  },
}
