/** Metered volumes, ABSVD and P375 asset-metered volumes: period-major (period × BM Unit) columns. */
import type { DayInputs } from '../frames.js'
import type { DayBuild } from './day_build.js'
import type { Reference } from './reference.js'

export function buildVolumes(
  build: DayBuild,
  ref: Reference
): Pick<
  DayInputs,
  'meteredVolume' | 'meteredEstimated' | 'absvd' | 'assetMeteredVolume' | 'assetMeteredSupplier'
> {
  const { list, fail, periodOf, num, periods } = build
  const { units, unitOf } = ref
  const meteredVolume = new Float64Array(periods * units).fill(Number.NaN)
  const meteredEstimated = new Uint8Array(periods * units)
  list('meteredVolumes').forEach((m, r) => {
    const where = `meteredVolumes[${r}]`
    const period = periodOf(m.settlementPeriod, where)
    const u = unitOf(m.bmUnit, where)
    if (period < 0 || u < 0) return
    const at = (period - 1) * units + u
    if (!Number.isNaN(meteredVolume[at]))
      fail(where, `second metered volume for ${m.bmUnit} in period ${period}`)
    meteredVolume[at] = num(m.volume, where, 'volume')
    meteredEstimated[at] = m.estimated ? 1 : 0
  })
  const absvd = new Float64Array(periods * units)
  list('absvd').forEach((a, r) => {
    const where = `absvd[${r}]`
    const period = periodOf(a.settlementPeriod, where)
    const u = unitOf(a.bmUnit, where)
    // Several MSID-pair submissions for one unit and period add up (P354).
    if (period > 0 && u >= 0) absvd[(period - 1) * units + u] += num(a.volume, where, 'volume')
  })
  return { meteredVolume, meteredEstimated, absvd, ...assetMeteredColumns(build, ref) }
}

/** P375 asset-metered volumes (period-major); absent when the day has none, as before P375. */
function assetMeteredColumns(
  { list, fail, periodOf, num, periods }: DayBuild,
  { units, unitOf }: Reference
): Pick<DayInputs, 'assetMeteredVolume' | 'assetMeteredSupplier'> {
  const rows = list('assetMeteredVolumes') ?? []
  if (rows.length === 0) return {}
  const assetMeteredVolume = new Float64Array(periods * units).fill(Number.NaN)
  const assetMeteredSupplier = new Int32Array(periods * units).fill(-1)
  rows.forEach((m, r) => {
    const where = `assetMeteredVolumes[${r}]`
    const period = periodOf(m.settlementPeriod, where)
    const u = unitOf(m.bmUnit, where)
    const supplier =
      m.supplierBmUnit === null || m.supplierBmUnit === undefined
        ? -1
        : unitOf(m.supplierBmUnit, where)
    if (supplier >= 0 && supplier === u) fail(where, `supplierBmUnit must differ from bmUnit`)
    if (period < 0 || u < 0) return
    const at = (period - 1) * units + u
    if (!Number.isNaN(assetMeteredVolume[at]))
      fail(where, `second asset-metered volume for ${m.bmUnit} in period ${period}`)
    assetMeteredVolume[at] = num(m.volume, where, 'volume')
    assetMeteredSupplier[at] = supplier
  })
  return { assetMeteredVolume, assetMeteredSupplier }
}
