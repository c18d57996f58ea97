/**
 * S11 — residual cashflow reallocation (domain/settlement.md S11, §4.8.8; BSC Section T 4.9;
 * Elexon RCRC guidance v3.0).
 *   TRC = Σ CAEI + Σ CII + Σ CND  (unrounded; §4.8.8 [C3]: the guidance names only CAEI, the
 *         non-delivery charge is added so that every cashflow nets to zero)
 *   RCRE_a = Σ_i s_i × QCEia   s_i = +1 delivering, −1 offtaking, 0 interconnector
 *   RCRP_a = RCRE_a / Σ_a RCRE_a;   RCRC_a = RCRP_a × TRC   (+ = credit)
 * A zero denominator leaves RCRC at 0 and reports TRC as unallocated (§4.8.16).
 */
import type { Stage, StageResult } from '../../../app/rules_runtime/stage.js'
import { frameOf, flags, indices, numbers, offsetsOf, rangeLength } from '../lib/frame_access.js'
import { ReportBuilder } from '../lib/report.js'

export const residualCashflow: Stage = {
  id: 'residual_cashflow',
  title: 'Residual cashflow reallocation (RCRC)',
  reference: 'BSC Section T 4.9 (TRCj, RCRPaj, RCRCaj); Elexon RCRC guidance v3.0; domain S11',
  scope: 'period',
  reads: [
    'energy_imbalance_charges',
    'information_imbalance',
    'non_delivery',
    'credited_energy_allocations',
    'transmission_losses',
    'inputs.bmUnits',
    'inputs.accounts',
  ],
  writes: ['residual_cashflow', 'residual_cashflow_totals'],
  params: [],
  run(ctx): StageResult {
    const { inputs, range } = ctx
    const units = inputs.bmUnits.ids.length
    const accounts = inputs.accounts.ids.length
    const periods = rangeLength(range)
    const caei = numbers(frameOf(ctx, 'energy_imbalance_charges'), 'caei')
    const cii = numbers(frameOf(ctx, 'information_imbalance'), 'cii')
    const cnd = numbers(frameOf(ctx, 'non_delivery'), 'cnd')
    const allocations = frameOf(ctx, 'credited_energy_allocations')
    const aOffsets = offsetsOf(allocations, range)
    const aUnit = indices(allocations, 'bmUnit')
    const aAccount = indices(allocations, 'account')
    const qcei = numbers(allocations, 'qcei')
    const delivering = flags(frameOf(ctx, 'transmission_losses'), 'delivering')
    const rcre = new Float64Array(periods * accounts)
    const rcrp = new Float64Array(periods * accounts)
    const rcrc = new Float64Array(periods * accounts)
    const trc = new Float64Array(periods)
    const denominator = new Float64Array(periods)
    const unallocated = new Float64Array(periods)
    const report = new ReportBuilder().declare('periodsWithZeroDenominator')

    for (let slot = 0; slot < periods; slot++) {
      const ab = slot * accounts
      const ub = slot * units
      let total = 0
      for (let a = 0; a < accounts; a++) total += caei[ab + a]
      for (let u = 0; u < units; u++) total += cii[ub + u]
      for (let u = 0; u < units; u++) total += cnd[ub + u]
      trc[slot] = total
      for (let r = aOffsets[slot]; r < aOffsets[slot + 1]; r++) {
        const u = aUnit[r]
        if (inputs.bmUnits.isInterconnector[u]) continue
        rcre[ab + aAccount[r]] += (delivering[ub + u] ? 1 : -1) * qcei[r]
      }
      let den = 0
      for (let a = 0; a < accounts; a++) den += rcre[ab + a]
      denominator[slot] = den
      if (den === 0) {
        unallocated[slot] = total
        report.indicate('periodsWithZeroDenominator', 1, `P${range.first + slot}`)
        continue
      }
      for (let a = 0; a < accounts; a++) {
        rcrp[ab + a] = rcre[ab + a] / den
        rcrc[ab + a] = rcrp[ab + a] * total
      }
    }
    report.count('accountPeriods', periods * accounts)
    return {
      outputs: {
        residual_cashflow: { axis: 'account', perPeriod: true, columns: { rcre, rcrp, rcrc } },
        residual_cashflow_totals: {
          axis: 'period',
          perPeriod: true,
          columns: { trc, rcrcDenominator: denominator, trcUnallocated: unallocated },
        },
      },
      report: report.build(),
    }
  },
}
