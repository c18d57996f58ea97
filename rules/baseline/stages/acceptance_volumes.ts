/**
 * S2 — accepted volumes per acceptance, bid-offer pair and period (domain/settlement.md S2;
 * BSC Section T 3.7–3.8: Accepted Bid-Offer Volume qABOknij(t), Period Accepted Offer/Bid Volume).
 *
 *   qABOkn(t) = clamp(dk(t), lo_n(t), hi_n(t)) − clamp(d(k−1)(t), lo_n(t), hi_n(t))
 *   QAOkn = ∫ max(qABOkn, 0) dt  (priced at the pair's offer),  QABkn = ∫ min(qABOkn, 0) dt  (bid)
 * with pair n's band [U(n−1), U(n)] above FPN for n > 0 and [U(n), U(n+1)] below for n < 0, U the
 * cumulative BOD widths. Integration is exact (lib/piecewise.ts). Volume moved outside the
 * outermost submitted band has no pair (Section T 3.4B would create data for it, not modelled):
 * it is left out and reported as an indicator with the acceptance named.
 */
import type { BodFrame } from '../../../app/rules_runtime/frames.js'
import type { Stage, StageContext, StageResult } from '../../../app/rules_runtime/stage.js'
import { frameOf, indices, numbers, offsetsOf } from '../lib/frame_access.js'
import { ItemColumns } from '../lib/item_columns.js'
import { integrateBandChange, MS_PER_HOUR, profileEnds } from '../lib/piecewise.js'
import { ReportBuilder } from '../lib/report.js'

export const acceptanceVolumes: Stage = {
  id: 'acceptance_volumes',
  title: 'Accepted offer and bid volumes per acceptance and bid-offer pair',
  reference: 'BSC Section T 3.7, T 3.8; Annex X-2; domain S2',
  scope: 'period',
  reads: ['deviation_pieces', 'inputs.bmUnits', 'inputs.bod', 'inputs.acceptances'],
  writes: ['acceptance_volumes'],
  params: [],
  run: computeVolumes,
}

/** Far beyond any MW level: the open edge of the "outside every band" ranges. */
const UNBOUNDED = 1e12

/**
 * Floating-point residue of exact integration (a level exactly on a band edge leaves ~1e-14 MWh):
 * volumes below this are zero. Far below the published 3 dp, so no real volume is lost.
 */
const NEGLIGIBLE_MWH = 1e-9
const snap = (mwh: number) => (Math.abs(mwh) < NEGLIGIBLE_MWH ? 0 : mwh)

/**
 * The bid-offer bands of one unit in one period, reused across unit-periods. Bands are indexed in
 * pair order (…, −2, −1, +1, +2, …), then "above the top band", then "below the bottom band";
 * lo/hi hold each band's edges at the two ends of the current piece.
 */
interface Bands {
  /** BOD segment index where each pair's run starts, then the end (pairs + 1 entries) */
  starts: number[]
  pairs: number
  widths: Float64Array
  lo: Float64Array
  hi: Float64Array
  pointTime: Float64Array
  pointLevel: Float64Array
}

function loadPairs(bod: BodFrame, g: number, bands: Bands): number {
  bands.starts.length = 0
  for (let s = bod.offsets[g]; s < bod.offsets[g + 1]; s++) {
    if (s === bod.offsets[g] || bod.pairId[s] !== bod.pairId[s - 1]) bands.starts.push(s)
  }
  bands.starts.push(bod.offsets[g + 1])
  bands.pairs = bands.starts.length - 1
  const count = bands.pairs + 2
  if (2 * count > bands.widths.length) {
    bands.widths = new Float64Array(4 * count)
    bands.lo = new Float64Array(4 * count)
    bands.hi = new Float64Array(4 * count)
  }
  return count
}

/** Band edges at both ends of the piece [ta, tb]: cumulative widths outward from FPN. */
function bandEdges(bod: BodFrame, bands: Bands, ta: number, tb: number) {
  const { starts, pairs, widths, lo, hi } = bands
  let split = pairs // first positive pair
  for (let p = 0; p < pairs; p++) {
    pairWidthEnds(bod, bands, starts[p], starts[p + 1], ta, tb, 2 * p)
    if (split === pairs && bod.pairId[starts[p]] > 0) split = p
  }
  for (let end = 0; end < 2; end++) {
    let edge = 0
    for (let p = split; p < pairs; p++) {
      lo[2 * p + end] = edge
      edge += widths[2 * p + end]
      hi[2 * p + end] = edge
    }
    lo[2 * pairs + end] = edge
    hi[2 * pairs + end] = UNBOUNDED
    edge = 0
    for (let p = split - 1; p >= 0; p--) {
      hi[2 * p + end] = edge
      edge += widths[2 * p + end]
      lo[2 * p + end] = edge
    }
    lo[2 * pairs + 2 + end] = -UNBOUNDED
    hi[2 * pairs + 2 + end] = edge
  }
}

/** One pair's BOD segments as points (timeFrom, levelFrom), (timeTo, levelTo), … evaluated on the piece. */
function pairWidthEnds(
  bod: BodFrame,
  bands: Bands,
  from: number,
  to: number,
  ta: number,
  tb: number,
  at: number
) {
  if (2 * (to - from) > bands.pointTime.length) {
    bands.pointTime = new Float64Array(4 * (to - from))
    bands.pointLevel = new Float64Array(4 * (to - from))
  }
  let points = 0
  for (let s = from; s < to; s++) {
    bands.pointTime[points] = bod.timeFrom[s]
    bands.pointLevel[points++] = bod.levelFrom[s]
    bands.pointTime[points] = bod.timeTo[s]
    bands.pointLevel[points++] = bod.levelTo[s]
  }
  profileEnds(bands.pointTime, bands.pointLevel, 0, points, ta, tb, bands.widths, at)
}

function computeVolumes(ctx: StageContext): StageResult {
  const { inputs, range } = ctx
  const { bod, acceptances: acc } = inputs
  const units = inputs.bmUnits.ids.length
  const pieces = frameOf(ctx, 'deviation_pieces')
  const pieceOffsets = offsetsOf(pieces, range)
  const pUnit = indices(pieces, 'bmUnit')
  const pAcc = indices(pieces, 'acceptance')
  const tFrom = numbers(pieces, 'timeFrom')
  const tTo = numbers(pieces, 'timeTo')
  const prevFrom = numbers(pieces, 'previousFrom')
  const prevTo = numbers(pieces, 'previousTo')
  const accFrom = numbers(pieces, 'acceptedFrom')
  const accTo = numbers(pieces, 'acceptedTo')

  const report = new ReportBuilder().declare('acceptancesOutsideBands', 'volumeOutsideBands')
  const out = new ItemColumns({
    bmUnit: Int32Array,
    acceptance: Int32Array,
    acceptanceNumber: Int32Array,
    bidOfferPairId: Int32Array,
    offerVolume: Float64Array,
    bidVolume: Float64Array,
    offerPrice: Float64Array,
    bidPrice: Float64Array,
  })
  const periodOffsets = new Int32Array(range.last - range.first + 2)
  const bands: Bands = {
    starts: [],
    pairs: 0,
    widths: new Float64Array(32),
    lo: new Float64Array(32),
    hi: new Float64Array(32),
    pointTime: new Float64Array(64),
    pointLevel: new Float64Array(64),
  }
  // Accumulated MW·ms per (acceptance of the unit, band, offer|bid); zeroed per acceptance used.
  let areas = new Float64Array(1024)
  const area = new Float64Array(2)
  const usedSlots: number[] = []

  for (let period = range.first; period <= range.last; period++) {
    const slot = period - range.first
    periodOffsets[slot] = out.length
    let row = pieceOffsets[slot]
    const rowEnd = pieceOffsets[slot + 1]
    while (row < rowEnd) {
      const u = pUnit[row]
      const count = loadPairs(bod, (period - 1) * units + u, bands)
      const accBase = acc.unitOffsets[u]
      const need = (acc.unitOffsets[u + 1] - accBase) * count * 2
      if (need > areas.length) areas = new Float64Array(2 * need)
      usedSlots.length = 0

      for (let first = row; row < rowEnd && pUnit[row] === u; row++) {
        const ta = tFrom[row]
        const tb = tTo[row]
        // rows are piece-major: the edges change only when the piece does
        if (row === first || tFrom[row - 1] !== ta) bandEdges(bod, bands, ta, tb)
        const accSlot = pAcc[row] - accBase
        const base = accSlot * count * 2
        if (!usedSlots.includes(accSlot)) {
          usedSlots.push(accSlot)
          areas.fill(0, base, base + count * 2)
        }
        for (let b = 0; b < count; b++) {
          area[0] = 0
          area[1] = 0
          integrateBandChange(
            accFrom[row],
            accTo[row],
            prevFrom[row],
            prevTo[row],
            bands.lo[2 * b],
            bands.lo[2 * b + 1],
            bands.hi[2 * b],
            bands.hi[2 * b + 1],
            tb - ta,
            area
          )
          areas[base + 2 * b] += area[0]
          areas[base + 2 * b + 1] += area[1]
        }
      }

      usedSlots.sort((a, b) => a - b)
      for (const accSlot of usedSlots) {
        const k = accBase + accSlot
        const base = accSlot * count * 2
        for (let b = 0; b < bands.pairs; b++) {
          const offer = snap(areas[base + 2 * b] / MS_PER_HOUR)
          const bid = snap(areas[base + 2 * b + 1] / MS_PER_HOUR)
          if (offer === 0 && bid === 0) continue
          const r = out.push()
          const cols = out.columns
          const s = bands.starts[b]
          cols.bmUnit[r] = u
          cols.acceptance[r] = k
          cols.acceptanceNumber[r] = acc.number[k]
          cols.bidOfferPairId[r] = bod.pairId[s]
          cols.offerVolume[r] = offer
          cols.bidVolume[r] = bid
          cols.offerPrice[r] = bod.offer[s]
          cols.bidPrice[r] = bod.bid[s]
        }
        let outside = 0
        for (let b = bands.pairs; b < count; b++)
          outside += areas[base + 2 * b] - areas[base + 2 * b + 1]
        report.count('acceptancePeriods')
        if (snap(outside / MS_PER_HOUR) > 0) {
          report.indicate(
            'acceptancesOutsideBands',
            1,
            `${inputs.bmUnits.ids[u]}/${acc.number[k]} P${period}`
          )
          report.indicate('volumeOutsideBands', outside / MS_PER_HOUR)
        }
      }
    }
  }
  periodOffsets[range.last - range.first + 1] = out.length
  report.count('rows', out.length)
  return {
    outputs: {
      acceptance_volumes: { axis: 'item', perPeriod: false, periodOffsets, columns: out.finish() },
    },
    report: report.build(),
  }
}
