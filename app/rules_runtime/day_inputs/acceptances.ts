/** BOALF segments → acceptances per BM Unit ordered by number, each a list of (time, level) points. */
import type { AcceptanceFrame } from '../frames.js'
import { gather, groupBy } from './columns.js'
import type { DayBuild } from './day_build.js'
import type { Reference } from './reference.js'

export function buildAcceptances(build: DayBuild, ref: Reference): AcceptanceFrame {
  const { fail, time, num } = build
  const { units } = ref
  const rows = build.list('boalf')
  const keys = new Int32Array(rows.length).fill(-1)
  const from = new Float64Array(rows.length)
  const to = new Float64Array(rows.length)
  rows.forEach((row, r) => {
    const where = `boalf[${r}]`
    const u = ref.unitOf(row.bmUnit, where)
    from[r] = time(row.timeFrom, where, 'timeFrom')
    to[r] = time(row.timeTo, where, 'timeTo')
    time(row.acceptanceTime, where, 'acceptanceTime')
    num(row.levelFrom, where, 'levelFrom')
    num(row.levelTo, where, 'levelTo')
    if (!Number.isInteger(row.acceptanceNumber))
      return fail(where, `acceptanceNumber must be an integer`)
    if (u < 0 || Number.isNaN(from[r]) || Number.isNaN(to[r])) return
    if (from[r] > to[r]) {
      return fail(
        where,
        `acceptance ${row.acceptanceNumber} of ${row.bmUnit} has timeFrom after timeTo`
      )
    }
    keys[r] = u
  })
  const { offsets: byUnit, order } = groupBy(
    keys,
    units,
    (a, b) => rows[a].acceptanceNumber - rows[b].acceptanceNumber || from[a] - from[b]
  )
  const unitOffsets = new Int32Array(units + 1)
  const starts: number[] = []
  const pointTime: number[] = []
  const pointLevel: number[] = []
  const pointOffsets: number[] = []
  for (let u = 0; u < units; u++) {
    unitOffsets[u] = starts.length
    for (let k = byUnit[u]; k < byUnit[u + 1]; k++) {
      const r = order[k]
      const row = rows[r]
      const first =
        starts.length === unitOffsets[u] ||
        rows[starts[starts.length - 1]].acceptanceNumber !== row.acceptanceNumber
      if (first) {
        starts.push(r)
        pointOffsets.push(pointTime.length)
      } else {
        const head = rows[starts[starts.length - 1]]
        const where = `boalf[${r}]`
        if (
          head.soFlag !== row.soFlag ||
          head.storFlag !== row.storFlag ||
          head.rrFlag !== row.rrFlag ||
          head.deemedBoFlag !== row.deemedBoFlag ||
          head.acceptanceTime !== row.acceptanceTime
        ) {
          fail(
            where,
            `acceptance ${row.acceptanceNumber} of ${row.bmUnit}: flags or acceptanceTime differ between its segments`
          )
        }
        const last = pointTime.length - 1
        if (from[r] < pointTime[last]) {
          fail(
            where,
            `acceptance ${row.acceptanceNumber} of ${row.bmUnit}: segment overlaps the previous one`
          )
        }
        // A segment continuing the previous one adds one point, not two.
        if (from[r] === pointTime[last] && row.levelFrom === pointLevel[last]) {
          pointTime.push(to[r])
          pointLevel.push(row.levelTo)
          continue
        }
      }
      pointTime.push(from[r], to[r])
      pointLevel.push(row.levelFrom, row.levelTo)
    }
  }
  unitOffsets[units] = starts.length
  pointOffsets.push(pointTime.length)
  const flag = (pick: (r: number) => boolean) =>
    gather(Uint8Array, starts, (r) => (pick(r) ? 1 : 0))
  return {
    unitOffsets,
    number: gather(Int32Array, starts, (r) => rows[r].acceptanceNumber),
    acceptanceTime: gather(Float64Array, starts, (r) => build.parsed.get(rows[r].acceptanceTime)!),
    soFlag: flag((r) => rows[r].soFlag),
    storFlag: flag((r) => rows[r].storFlag),
    rrFlag: flag((r) => rows[r].rrFlag),
    deemedBoFlag: flag((r) => rows[r].deemedBoFlag),
    firstTime: Float64Array.from(pointOffsets.slice(0, -1), (p) => pointTime[p]),
    lastTime: Float64Array.from(pointOffsets.slice(1), (p) => pointTime[p - 1]),
    pointOffsets: Int32Array.from(pointOffsets),
    pointTime: Float64Array.from(pointTime),
    pointLevel: Float64Array.from(pointLevel),
  }
}
