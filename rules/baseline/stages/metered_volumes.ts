/**
 * S4 — metered volumes (domain/settlement.md S4, §4.4; BSC Section T 2, Section R/S outputs).
 *
 * The engine consumes QMij from the volume-allocation services (CDCA, SVAA / VAS). A BM Unit with
 * no metered volume for a period settles on QM = 0 and is reported as a data-quality indicator, as
 * are estimated volumes; nothing else is changed here.
 */
import type { Stage, StageResult } from '../../../app/rules_runtime/stage.js'
import { rangeLength } from '../lib/frame_access.js'
import { ReportBuilder } from '../lib/report.js'

export const meteredVolumes: Stage = {
  id: 'metered_volumes',
  title: 'BM Unit metered volumes (missing → 0, reported)',
  reference: 'BSC Section T 2 (BM Unit Metered Volume QMij); Sections R and S; domain S4',
  scope: 'period',
  reads: ['inputs.bmUnits', 'inputs.meteredVolume', 'inputs.meteredEstimated'],
  writes: ['metered_volumes'],
  params: [],
  run({ inputs, range }): StageResult {
    const units = inputs.bmUnits.ids.length
    const n = rangeLength(range) * units
    const qm = new Float64Array(n)
    const qmMissing = new Uint8Array(n)
    const qmEstimated = new Uint8Array(n)
    const report = new ReportBuilder().declare(
      'bmUnitPeriodsMissingMeteredData',
      'bmUnitsMissingMeteredData',
      'bmUnitPeriodsEstimated'
    )
    const missingUnits = new Uint8Array(units)
    const offset = (range.first - 1) * units
    for (let at = 0; at < n; at++) {
      const value = inputs.meteredVolume[offset + at]
      const u = at % units
      if (Number.isNaN(value)) {
        qmMissing[at] = 1
        missingUnits[u] = 1
        report.indicate('bmUnitPeriodsMissingMeteredData')
      } else {
        qm[at] = value
      }
      if (inputs.meteredEstimated[offset + at]) {
        qmEstimated[at] = 1
        report.indicate('bmUnitPeriodsEstimated', 1, inputs.bmUnits.ids[u])
      }
    }
    missingUnits.forEach((missing, u) => {
      if (missing) report.indicate('bmUnitsMissingMeteredData', 1, inputs.bmUnits.ids[u])
    })
    report.count('bmUnitPeriods', n)
    return {
      outputs: {
        metered_volumes: {
          axis: 'bmUnit',
          perPeriod: true,
          columns: { qm, qmMissing, qmEstimated },
        },
      },
      report: report.build(),
    }
  },
}
