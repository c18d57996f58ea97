/**
 * S5 — Transmission Loss Multipliers (domain/settlement.md S5; BSC Section T 2.3).
 *
 * Per period, with Trading Units delivering when their members' metered volumes sum above zero:
 *   TL = Σ QM;  TLMO+ = (−α TL − Σ_D TLF·QM) / Σ_D QM;  TLMO− = (−(1−α) TL − Σ_O TLF·QM) / Σ_O QM
 *   TLMij = 1 + TLFij + TLMO±j       so that Σ QM × TLM = 0.
 * A zero denominator gives that side's TLMO = 0 (§4.8.16). Before P350 every TLF is 0 (zonal_tlf).
 */
import type { Stage, StageResult } from '../../../app/rules_runtime/stage.js'
import { frameOf, numbers, rangeLength } from '../lib/frame_access.js'
import { booleanParam, numberParam } from '../lib/params.js'
import { ReportBuilder } from '../lib/report.js'

export const transmissionLosses: Stage = {
  id: 'transmission_losses',
  title: 'Delivering/offtaking status and Transmission Loss Multipliers',
  reference: 'BSC Section T 2.2–2.3 (TLF, TLMO, TLM); P350; domain S5',
  scope: 'period',
  reads: ['metered_volumes', 'inputs.bmUnits'],
  writes: ['transmission_losses', 'transmission_loss_totals'],
  params: ['alpha_delivering_losses', 'zonal_tlf'],
  run(ctx): StageResult {
    const { inputs, range, params } = ctx
    const alpha = numberParam(params, 'alpha_delivering_losses')
    const zonal = booleanParam(params, 'zonal_tlf')
    const { bmUnits } = inputs
    const units = bmUnits.ids.length
    const periods = rangeLength(range)
    const qm = numbers(frameOf(ctx, 'metered_volumes'), 'qm')
    const tlf = new Float64Array(periods * units)
    const tlm = new Float64Array(periods * units)
    const delivering = new Uint8Array(periods * units)
    const tuVolume = new Float64Array(periods * units)
    const totalLosses = new Float64Array(periods)
    const tlmoPlus = new Float64Array(periods)
    const tlmoMinus = new Float64Array(periods)
    const byTradingUnit = new Float64Array(bmUnits.tradingUnitCount)
    const report = new ReportBuilder().declare(
      'periodsWithoutDeliveringUnits',
      'periodsWithoutOfftakingVolume',
      'tlfIgnoredBeforeZonalLosses'
    )
    if (!zonal && bmUnits.tlf.some((value) => value !== 0))
      report.indicate('tlfIgnoredBeforeZonalLosses')

    for (let slot = 0; slot < periods; slot++) {
      const base = slot * units
      byTradingUnit.fill(0)
      for (let u = 0; u < units; u++) byTradingUnit[bmUnits.tradingUnit[u]] += qm[base + u]
      let total = 0
      let dVolume = 0
      let dLossBase = 0
      let oVolume = 0
      let oLossBase = 0
      for (let u = 0; u < units; u++) {
        const volume = qm[base + u]
        const factor = zonal ? bmUnits.tlf[u] : 0
        tlf[base + u] = factor
        tuVolume[base + u] = byTradingUnit[bmUnits.tradingUnit[u]]
        total += volume
        if (tuVolume[base + u] > 0) {
          delivering[base + u] = 1
          dVolume += volume
          dLossBase += factor * volume
        } else {
          oVolume += volume
          oLossBase += factor * volume
        }
      }
      const plus = dVolume === 0 ? 0 : (-alpha * total - dLossBase) / dVolume
      const minus = oVolume === 0 ? 0 : (-(1 - alpha) * total - oLossBase) / oVolume
      if (dVolume === 0)
        report.indicate('periodsWithoutDeliveringUnits', 1, `P${range.first + slot}`)
      if (oVolume === 0)
        report.indicate('periodsWithoutOfftakingVolume', 1, `P${range.first + slot}`)
      totalLosses[slot] = total
      tlmoPlus[slot] = plus
      tlmoMinus[slot] = minus
      for (let u = 0; u < units; u++) {
        tlm[base + u] = 1 + tlf[base + u] + (delivering[base + u] ? plus : minus)
      }
    }
    report.count('bmUnitPeriods', periods * units)
    return {
      outputs: {
        transmission_losses: {
          axis: 'bmUnit',
          perPeriod: true,
          columns: { tlf, tlm, delivering, tradingUnitMeteredVolume: tuVolume },
        },
        transmission_loss_totals: {
          axis: 'period',
          perPeriod: true,
          columns: { totalLosses, tlmoPlus, tlmoMinus },
        },
      },
      report: report.build(),
    }
  },
}
