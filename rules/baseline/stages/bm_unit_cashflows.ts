/**
 * S10.1 — BM Unit cashflows (domain/settlement.md S10.1; BSC Section T 3.10).
 *   CBMi = Σ_k,n (QAOkn × POn + QABkn × PBn)     (+ = credit to the Lead Party)
 *   CSOBM = −Σ_i CBMi                              (+ = credit to the NETSO)
 * Every accepted MWh is paid at its own price: no TLM, DMAT, flag or PAR touches these.
 */
import type { Stage, StageResult } from '../../../app/rules_runtime/stage.js'
import { frameOf, indices, numbers, offsetsOf, rangeLength } from '../lib/frame_access.js'
import { ReportBuilder } from '../lib/report.js'

export const bmUnitCashflows: Stage = {
  id: 'bm_unit_cashflows',
  title: 'BM Unit offer and bid cashflows and the System Operator BM cashflow',
  reference: 'BSC Section T 3.10 (COnij, CBnij, CBMij), T 3.11 (CSOBMj); domain S10.1',
  scope: 'period',
  reads: ['acceptance_volumes', 'inputs.bmUnits'],
  writes: ['bm_unit_cashflows', 'system_operator_cashflows'],
  params: [],
  run(ctx): StageResult {
    const { inputs, range } = ctx
    const units = inputs.bmUnits.ids.length
    const periods = rangeLength(range)
    const av = frameOf(ctx, 'acceptance_volumes')
    const offsets = offsetsOf(av, range)
    const unit = indices(av, 'bmUnit')
    const offerVolume = numbers(av, 'offerVolume')
    const bidVolume = numbers(av, 'bidVolume')
    const offerPrice = numbers(av, 'offerPrice')
    const bidPrice = numbers(av, 'bidPrice')
    const offerCashflow = new Float64Array(periods * units)
    const bidCashflow = new Float64Array(periods * units)
    const cbm = new Float64Array(periods * units)
    const csobm = new Float64Array(periods)
    for (let slot = 0; slot < periods; slot++) {
      for (let r = offsets[slot]; r < offsets[slot + 1]; r++) {
        const at = slot * units + unit[r]
        offerCashflow[at] += offerVolume[r] * offerPrice[r]
        bidCashflow[at] += bidVolume[r] * bidPrice[r]
      }
      let total = 0
      for (let u = 0; u < units; u++) {
        const at = slot * units + u
        cbm[at] = offerCashflow[at] + bidCashflow[at]
        total += cbm[at]
      }
      csobm[slot] = -total
    }
    const report = new ReportBuilder()
    report.count('acceptanceVolumeRows', offsets[periods] - offsets[0])
    return {
      outputs: {
        bm_unit_cashflows: {
          axis: 'bmUnit',
          perPeriod: true,
          columns: { offerCashflow, bidCashflow, cbm },
        },
        system_operator_cashflows: { axis: 'period', perPeriod: true, columns: { csobm } },
      },
      report: report.build(),
    }
  },
}
