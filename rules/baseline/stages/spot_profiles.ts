/**
 * S1 — spot-time profiles (domain/settlement.md S1; BSC Section T 3.7, Annex T-1 "Acceptance Data").
 *
 * For every (period, BM Unit, acceptance in force) it cuts the period into pieces at every point
 * time of the FPN, the BOD bands and the acceptances, and writes the unit's deviation from FPN
 * before (d(k−1)) and after (dk) acceptance k at both ends of each piece where k is in force:
 *   qA0(t) = FPN(t);  qAk(t) = acceptance k's level inside [first, last time of k], else qA(k−1)(t)
 * Outside its span an acceptance changes nothing, so no piece is written there. RR acceptances
 * are left out (Replacement Reserve never went live, P344).
 */
import type { Stage, StageContext, StageResult } from '../../../app/rules_runtime/stage.js'
import { ItemColumns } from '../lib/item_columns.js'
import { profileEnds, segmentsToPoints } from '../lib/piecewise.js'
import { ReportBuilder, unitPeriod } from '../lib/report.js'

export const spotProfiles: Stage = {
  id: 'spot_profiles',
  title: 'Spot-time deviation profiles per acceptance',
  reference: 'BSC Section T 3.7; Annex X-2 (Acceptance Data, Point FPN); domain S1',
  scope: 'period',
  reads: [
    'inputs.bmUnits',
    'inputs.dayStart',
    'inputs.periodMinutes',
    'inputs.fpn',
    'inputs.bod',
    'inputs.acceptances',
  ],
  writes: ['deviation_pieces'],
  params: [],
  run(ctx) {
    return buildPieces(ctx)
  },
}

function buildPieces(ctx: StageContext): StageResult {
  const { inputs, range } = ctx
  const { acceptances: acc, fpn, bod } = inputs
  const units = inputs.bmUnits.ids.length
  const periodMs = inputs.periodMinutes * 60_000
  const report = new ReportBuilder().declare('rrAcceptancesExcluded', 'unitPeriodsWithoutFpn')
  const out = new ItemColumns({
    bmUnit: Int32Array,
    acceptance: Int32Array,
    timeFrom: Float64Array,
    timeTo: Float64Array,
    previousFrom: Float64Array,
    previousTo: Float64Array,
    acceptedFrom: Float64Array,
    acceptedTo: Float64Array,
  })
  const periodOffsets = new Int32Array(range.last - range.first + 2)
  let fpnTime = new Float64Array(64)
  let fpnLevel = new Float64Array(64)
  let cuts = new Float64Array(256)
  const active: number[] = []
  const v = new Float64Array(4)
  const seen = new Set<number>()

  for (let period = range.first; period <= range.last; period++) {
    periodOffsets[period - range.first] = out.length
    const start = inputs.dayStart + (period - 1) * periodMs
    const end = start + periodMs
    for (let u = 0; u < units; u++) {
      active.length = 0
      for (let k = acc.unitOffsets[u]; k < acc.unitOffsets[u + 1]; k++) {
        if (acc.firstTime[k] >= end || acc.lastTime[k] <= start) continue
        if (acc.rrFlag[k]) {
          if (!seen.has(-k - 1))
            report.indicate('rrAcceptancesExcluded', 1, `${inputs.bmUnits.ids[u]}/${acc.number[k]}`)
          seen.add(-k - 1)
          continue
        }
        active.push(k)
        seen.add(k)
      }
      if (active.length === 0) continue
      report.count('unitPeriods')
      const g = (period - 1) * units + u
      const fpnFrom = fpn.offsets[g]
      const fpnTo = fpn.offsets[g + 1]
      if (fpnTo === fpnFrom)
        report.indicate('unitPeriodsWithoutFpn', 1, unitPeriod(inputs.bmUnits.ids[u], period))
      if (2 * (fpnTo - fpnFrom) > fpnTime.length) {
        fpnTime = new Float64Array(4 * (fpnTo - fpnFrom))
        fpnLevel = new Float64Array(4 * (fpnTo - fpnFrom))
      }
      const fpnPoints = segmentsToPoints(fpn, fpnFrom, fpnTo, fpnTime, fpnLevel)

      // Cut points: period edges, FPN, BOD and acceptance point times inside the period.
      let needed = 2 + fpnPoints + 2 * (bod.offsets[g + 1] - bod.offsets[g])
      for (const k of active) needed += acc.pointOffsets[k + 1] - acc.pointOffsets[k]
      if (needed > cuts.length) cuts = new Float64Array(2 * needed)
      let n = 0
      cuts[n++] = start
      cuts[n++] = end
      for (let p = 0; p < fpnPoints; p++) n = addCut(cuts, n, fpnTime[p], start, end)
      for (let s = bod.offsets[g]; s < bod.offsets[g + 1]; s++) {
        n = addCut(cuts, n, bod.timeFrom[s], start, end)
        n = addCut(cuts, n, bod.timeTo[s], start, end)
      }
      for (const k of active) {
        for (let p = acc.pointOffsets[k]; p < acc.pointOffsets[k + 1]; p++) {
          n = addCut(cuts, n, acc.pointTime[p], start, end)
        }
      }
      const sorted = cuts.subarray(0, n).sort()

      for (let c = 0; c + 1 < n; c++) {
        const ta = sorted[c]
        const tb = sorted[c + 1]
        if (tb === ta) continue
        profileEnds(fpnTime, fpnLevel, 0, fpnPoints, ta, tb, v, 0)
        let prev0 = 0
        let prev1 = 0
        for (const k of active) {
          if (acc.firstTime[k] > ta || acc.lastTime[k] < tb) continue
          profileEnds(
            acc.pointTime,
            acc.pointLevel,
            acc.pointOffsets[k],
            acc.pointOffsets[k + 1],
            ta,
            tb,
            v,
            2
          )
          const row = out.push()
          const cols = out.columns
          cols.bmUnit[row] = u
          cols.acceptance[row] = k
          cols.timeFrom[row] = ta
          cols.timeTo[row] = tb
          cols.previousFrom[row] = prev0
          cols.previousTo[row] = prev1
          prev0 = cols.acceptedFrom[row] = v[2] - v[0]
          prev1 = cols.acceptedTo[row] = v[3] - v[1]
        }
      }
    }
  }
  periodOffsets[range.last - range.first + 1] = out.length
  for (const k of seen) if (k >= 0) report.count('acceptances')
  report.count('pieces', out.length)
  return {
    outputs: {
      deviation_pieces: { axis: 'item', perPeriod: false, periodOffsets, columns: out.finish() },
    },
    report: report.build(),
  }
}

function addCut(cuts: Float64Array, n: number, t: number, start: number, end: number): number {
  if (t > start && t < end) cuts[n++] = t
  return n
}
