/** ECVN and MVRN rows ordered by period, then unit/accounts, then record order. */
import { gather, groupBy } from './columns.js'
import type { DayBuild } from './day_build.js'
import type { Reference } from './reference.js'

export function buildNotifications(build: DayBuild, ref: Reference) {
  const { list, fail, periodOf, num, periods } = build
  const { unitOf, accountOf, leadAccount, accountType, pcStatus } = ref
  const ecvnRows = list('ecvn')
  const ecvnFrom = new Int32Array(ecvnRows.length)
  const ecvnTo = new Int32Array(ecvnRows.length)
  const ecvnKeys = Int32Array.from(ecvnRows, (e, r) => {
    const where = `ecvn[${r}]`
    ecvnFrom[r] = accountOf(e.fromAccount, where, 'fromAccount')
    ecvnTo[r] = accountOf(e.toAccount, where, 'toAccount')
    if (e.fromAccount === e.toAccount) fail(where, 'fromAccount and toAccount are the same')
    if (!(num(e.volume, where, 'volume') >= 0))
      fail(where, `volume must not be negative, got ${e.volume}`)
    return periodOf(e.settlementPeriod, where) - 1
  })
  const ecvn = groupBy(
    ecvnKeys,
    periods,
    (a, b) => ecvnFrom[a] - ecvnFrom[b] || ecvnTo[a] - ecvnTo[b]
  )

  const mvrnRows = list('mvrn')
  const mvrnUnit = new Int32Array(mvrnRows.length)
  const mvrnFrom = new Int32Array(mvrnRows.length)
  const mvrnTo = new Int32Array(mvrnRows.length)
  const mvrnKeys = Int32Array.from(mvrnRows, (m, r) => {
    const where = `mvrn[${r}]`
    const u = (mvrnUnit[r] = unitOf(m.bmUnit, where))
    mvrnFrom[r] = accountOf(m.fromAccount, where, 'fromAccount')
    mvrnTo[r] = accountOf(m.toAccount, where, 'toAccount')
    num(m.fixedVolume, where, 'fixedVolume')
    const pct = num(m.percentage, where, 'percentage')
    if (pct < 0 || pct > 100) fail(where, `percentage must be from 0 to 100, got ${pct}`)
    if (u >= 0 && mvrnFrom[r] >= 0 && mvrnFrom[r] !== leadAccount[u]) {
      fail(where, `fromAccount ${m.fromAccount} is not the lead account of ${m.bmUnit}`)
    }
    if (u >= 0 && mvrnTo[r] >= 0 && accountType[mvrnTo[r]] !== pcStatus[u]) {
      fail(where, `toAccount ${m.toAccount} is not of ${m.bmUnit}'s P/C type`)
    }
    return periodOf(m.settlementPeriod, where) - 1
  })
  const mvrn = groupBy(
    mvrnKeys,
    periods,
    (a, b) => mvrnUnit[a] - mvrnUnit[b] || mvrnTo[a] - mvrnTo[b]
  )
  return {
    ecvn: {
      period: gather(Int32Array, ecvn.order, (r) => ecvnKeys[r] + 1),
      fromAccount: gather(Int32Array, ecvn.order, (r) => ecvnFrom[r]),
      toAccount: gather(Int32Array, ecvn.order, (r) => ecvnTo[r]),
      volume: gather(Float64Array, ecvn.order, (r) => ecvnRows[r].volume),
    },
    mvrn: {
      period: gather(Int32Array, mvrn.order, (r) => mvrnKeys[r] + 1),
      bmUnit: gather(Int32Array, mvrn.order, (r) => mvrnUnit[r]),
      fromAccount: gather(Int32Array, mvrn.order, (r) => mvrnFrom[r]),
      toAccount: gather(Int32Array, mvrn.order, (r) => mvrnTo[r]),
      fixedVolume: gather(Float64Array, mvrn.order, (r) => mvrnRows[r].fixedVolume),
      percentage: gather(Float64Array, mvrn.order, (r) => mvrnRows[r].percentage),
    },
  }
}
