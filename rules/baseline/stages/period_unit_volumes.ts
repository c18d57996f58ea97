/**
 * S3 — period BM Unit volumes (domain/settlement.md S3; SAA-I014 BP7).
 *
 *   FPNij = ∫ FPN dt        QAOij = Σ QAOknij ≥ 0      QABij = Σ QABknij ≤ 0
 *   QBSij = QAOij + QABij + QASij          (Period BM Unit Balancing Services Volume)
 *   QMEij = FPNij + QAOij + QABij          (Period Expected Metered Volume; ABSVD excluded [C3])
 */
import type { Stage, StageResult } from '../../../app/rules_runtime/stage.js'
import { frameOf, indices, numbers, offsetsOf, rangeLength } from '../lib/frame_access.js'
import { integrateProfile, MS_PER_HOUR, segmentsToPoints } from '../lib/piecewise.js'
import { ReportBuilder } from '../lib/report.js'

export const periodUnitVolumes: Stage = {
  id: 'period_unit_volumes',
  title: 'Period FPN, accepted, balancing-services and expected volumes per BM Unit',
  reference: 'BSC Section T 3.8, T 4.1 (QBSij), T 4.2 (QMEij); SAA-I014 BP7; domain S3',
  scope: 'period',
  reads: [
    'acceptance_volumes',
    'inputs.bmUnits',
    'inputs.fpn',
    'inputs.absvd',
    'inputs.dayStart',
    'inputs.periodMinutes',
  ],
  writes: ['bm_unit_volumes'],
  params: [],
  run(ctx): StageResult {
    const { inputs, range } = ctx
    const units = inputs.bmUnits.ids.length
    const n = rangeLength(range) * units
    const fpnVolume = new Float64Array(n)
    const qao = new Float64Array(n)
    const qab = new Float64Array(n)
    const qas = new Float64Array(n)
    const qbs = new Float64Array(n)
    const qme = new Float64Array(n)
    const av = frameOf(ctx, 'acceptance_volumes')
    const avOffsets = offsetsOf(av, range)
    const avUnit = indices(av, 'bmUnit')
    const offer = numbers(av, 'offerVolume')
    const bid = numbers(av, 'bidVolume')
    const periodMs = inputs.periodMinutes * 60_000
    let time = new Float64Array(64)
    let level = new Float64Array(64)
    for (let period = range.first; period <= range.last; period++) {
      const slot = period - range.first
      const start = inputs.dayStart + (period - 1) * periodMs
      for (let u = 0; u < units; u++) {
        const g = (period - 1) * units + u
        const segments = inputs.fpn.offsets[g + 1] - inputs.fpn.offsets[g]
        if (segments === 0) continue
        if (2 * segments > time.length) {
          time = new Float64Array(4 * segments)
          level = new Float64Array(4 * segments)
        }
        const points = segmentsToPoints(
          inputs.fpn,
          inputs.fpn.offsets[g],
          inputs.fpn.offsets[g + 1],
          time,
          level
        )
        fpnVolume[slot * units + u] =
          integrateProfile(time, level, 0, points, start, start + periodMs) / MS_PER_HOUR
      }
      for (let r = avOffsets[slot]; r < avOffsets[slot + 1]; r++) {
        const at = slot * units + avUnit[r]
        qao[at] += offer[r]
        qab[at] += bid[r]
      }
    }
    const offset = (range.first - 1) * units
    for (let at = 0; at < n; at++) {
      qas[at] = inputs.absvd[offset + at]
      qbs[at] = qao[at] + qab[at] + qas[at]
      qme[at] = fpnVolume[at] + qao[at] + qab[at]
    }
    const report = new ReportBuilder()
    report.count('bmUnitPeriods', n)
    return {
      outputs: {
        bm_unit_volumes: {
          axis: 'bmUnit',
          perPeriod: true,
          columns: { fpn: fpnVolume, qao, qab, qas, qbs, qme },
        },
      },
      report: report.build(),
    }
  },
}
