/**
 * Physical notifications and bid-offer data: CSR lists per (period, BM Unit)
 * of straight segments inside their period, with overlap and pair checks.
 */
import type { DayInputs, IdxArray } from '../frames.js'
import { gather, groupBy, segmentColumns } from './columns.js'
import type { DayBuild } from './day_build.js'
import type { Reference } from './reference.js'

interface Grouped {
  offsets: IdxArray
  order: Int32Array
  times: Float64Array
}

function segmentsIn(
  build: DayBuild,
  ref: Reference,
  name: 'pn' | 'bod',
  extraOrder: (a: number, b: number) => number
): Grouped {
  const { fail, periodOf, time, num, periodStart, periods } = build
  const rows = build.list(name)
  const keys = new Int32Array(rows.length).fill(-1)
  const times = new Float64Array(rows.length * 2)
  rows.forEach((row, r) => {
    const where = `${name}[${r}]`
    const period = periodOf(row.settlementPeriod, where)
    const u = ref.unitOf(row.bmUnit, where)
    const from = time(row.timeFrom, where, 'timeFrom')
    const to = time(row.timeTo, where, 'timeTo')
    num(row.levelFrom, where, 'levelFrom')
    num(row.levelTo, where, 'levelTo')
    if (period < 0 || u < 0 || Number.isNaN(from) || Number.isNaN(to)) return
    if (from > to) return fail(where, `${row.bmUnit} period ${period}: timeFrom is after timeTo`)
    if (from < periodStart(period) || to > periodStart(period + 1)) {
      return fail(
        where,
        `${row.bmUnit}: segment ${row.timeFrom}–${row.timeTo} lies outside period ${period}`
      )
    }
    times[2 * r] = from
    times[2 * r + 1] = to
    keys[r] = (period - 1) * ref.units + u
  })
  const { offsets, order } = groupBy(
    keys,
    periods * ref.units,
    (a, b) => extraOrder(a, b) || times[2 * a] - times[2 * b]
  )
  return { offsets, order, times }
}

export function buildSegments(build: DayBuild, ref: Reference): Pick<DayInputs, 'fpn' | 'bod'> {
  const { fail, num } = build
  const groups = build.periods * ref.units
  const pnRows = build.list('pn')
  const pn = segmentsIn(build, ref, 'pn', () => 0)
  for (let g = 0; g < groups; g++) {
    for (let k = pn.offsets[g] + 1; k < pn.offsets[g + 1]; k++) {
      const [a, b] = [pn.order[k - 1], pn.order[k]]
      if (pn.times[2 * b] < pn.times[2 * a + 1])
        fail(`pn[${b}]`, `${pnRows[b].bmUnit}: overlaps pn[${a}]`)
    }
  }
  const bodRows = build.list('bod')
  const bod = segmentsIn(build, ref, 'bod', (a, b) => bodRows[a].pairId - bodRows[b].pairId)
  for (let g = 0; g < groups; g++) {
    for (let k = bod.offsets[g]; k < bod.offsets[g + 1]; k++) {
      const r = bod.order[k]
      const row = bodRows[r]
      const where = `bod[${r}]`
      if (!Number.isInteger(row.pairId) || row.pairId === 0)
        fail(where, `pairId must be a non-zero integer`)
      const sign = Math.sign(row.pairId)
      if (row.levelFrom * sign < 0 || row.levelTo * sign < 0) {
        fail(
          where,
          `${row.bmUnit} pair ${row.pairId}: band width must have the sign of the pair number`
        )
      }
      num(row.offer, where, 'offer')
      num(row.bid, where, 'bid')
      if (k === bod.offsets[g]) continue
      const prev = bod.order[k - 1]
      if (bodRows[prev].pairId !== row.pairId) continue
      if (bod.times[2 * r] < bod.times[2 * prev + 1])
        fail(where, `${row.bmUnit} pair ${row.pairId}: overlaps bod[${prev}]`)
      if (bodRows[prev].offer !== row.offer || bodRows[prev].bid !== row.bid) {
        fail(
          where,
          `${row.bmUnit} pair ${row.pairId}: prices differ from bod[${prev}] in the same period`
        )
      }
    }
  }
  return {
    fpn: { offsets: pn.offsets, ...segmentColumns(pnRows, pn.order, pn.times) },
    bod: {
      offsets: bod.offsets,
      ...segmentColumns(bodRows, bod.order, bod.times),
      pairId: gather(Int32Array, bod.order, (r) => bodRows[r].pairId),
      offer: gather(Float64Array, bod.order, (r) => bodRows[r].offer),
      bid: gather(Float64Array, bod.order, (r) => bodRows[r].bid),
    },
  }
}
