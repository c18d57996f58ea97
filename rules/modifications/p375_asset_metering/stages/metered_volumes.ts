/**
 * P375 — metering behind the Boundary Point (domain S4; BSC Sections S, K, L and CoP 11 as amended
 * by P375, live 30 June 2022).
 *
 * A Secondary BM Unit of an Asset Metering VLP is settled on its asset meters: its delivered volume
 * is the asset-metered volume AMV instead of the Boundary Point (MSID pair) volume QMB. The Supplier
 * BM Unit whose customers host the assets had QMB taken out of its allocated volume (P344); it now
 * has AMV taken out instead. Per period j, for each asset-metered unit v with supplier s:
 *
 *   moved_vj = AMV_vj − QMB_vj              (QMB missing counts as 0)
 *   QM'_vj   = AMV_vj
 *   QM'_sj   = QM_sj − Σ_{v → s} moved_vj    (a missing QM_sj stays missing: reported)
 *
 * Σ_i QM_ij is unchanged, so total losses are unchanged. The baseline S4 stage then runs on these
 * volumes; `boundaryPointVolume` (the input QM, NaN where missing) and `assetMeteringAdjustment`
 * (QM' − QM) are added to its frame for the parallel-run diff.
 */
import type { DayInputs } from '../../../../app/rules_runtime/frames.js'
import type { Stage, StageResult } from '../../../../app/rules_runtime/stage.js'
import { rangeLength } from '../../../baseline/lib/frame_access.js'
import { unitPeriod } from '../../../baseline/lib/report.js'
import { meteredVolumes as baseline } from '../../../baseline/stages/metered_volumes.js'

export const meteredVolumes: Stage = {
  ...baseline,
  title: 'BM Unit metered volumes, Secondary BM Units on asset meters (P375)',
  reference: `${baseline.reference}; BSC Modification P375 (Asset Metering, AMVLP)`,
  reads: [...baseline.reads, 'inputs.assetMeteredVolume', 'inputs.assetMeteredSupplier'],
  run(ctx): StageResult {
    const { inputs, range } = ctx
    const units = inputs.bmUnits.ids.length
    const boundary = inputs.meteredVolume
    const asset = inputs.assetMeteredVolume
    const supplier = inputs.assetMeteredSupplier
    const metered = Float64Array.from(boundary)
    const offset = (range.first - 1) * units
    const n = rangeLength(range) * units
    const assetMeteringAdjustment = new Float64Array(n)
    const indicators = {
      assetMeteredUnitPeriods: 0,
      assetMeteringVolumeMoved: 0,
      unitPeriodsWithoutSupplier: 0,
      supplierPeriodsMissingMeteredData: 0,
    }
    const details: Record<string, string[]> = {}
    const note = (name: keyof typeof indicators, id: string) =>
      (details[name] ??= []).includes(id) || details[name].push(id)
    for (let at = offset; asset && supplier && at < offset + n; at++) {
      if (Number.isNaN(asset[at])) continue
      const u = at % units
      const period = Math.floor(at / units) + 1
      const moved = asset[at] - (Number.isNaN(boundary[at]) ? 0 : boundary[at])
      metered[at] = asset[at]
      assetMeteringAdjustment[at - offset] += moved
      indicators.assetMeteredUnitPeriods++
      indicators.assetMeteringVolumeMoved += Math.abs(moved)
      const s = supplier[at]
      if (s < 0) {
        indicators.unitPeriodsWithoutSupplier++
        note('unitPeriodsWithoutSupplier', unitPeriod(inputs.bmUnits.ids[u], period))
        continue
      }
      const sAt = (period - 1) * units + s
      if (Number.isNaN(metered[sAt])) {
        indicators.supplierPeriodsMissingMeteredData++
        note('supplierPeriodsMissingMeteredData', unitPeriod(inputs.bmUnits.ids[s], period))
        continue
      }
      metered[sAt] -= moved
      assetMeteringAdjustment[sAt - offset] -= moved
    }
    const result = baseline.run({ ...ctx, inputs: withMeteredVolume(inputs, metered) })
    const frame = result.outputs.metered_volumes
    const report = result.report!
    return {
      outputs: {
        metered_volumes: {
          ...frame,
          columns: {
            ...frame.columns,
            boundaryPointVolume: boundary.slice(offset, offset + n),
            assetMeteringAdjustment,
          },
        },
      },
      report: {
        processed: report.processed,
        indicators: { ...report.indicators, ...indicators },
        details: { ...report.details, ...details },
      },
    }
  },
}

/** The day's inputs with the P375 metered volumes; other fields read through, untouched. */
function withMeteredVolume(inputs: Readonly<DayInputs>, meteredVolume: Float64Array): DayInputs {
  return Object.assign(Object.create(inputs) as DayInputs, { meteredVolume })
}
