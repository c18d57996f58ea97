/** DISBSAD, NETBSAD, market index data, LoLP and demand control: per settlement period. */
import { cmp, dupes, gather, groupBy } from './columns.js'
import type { DayBuild } from './day_build.js'

const NETBSAD_FIELDS = [
  'netBuyPriceCostAdjustmentEnergy',
  'netBuyPriceVolumeAdjustmentEnergy',
  'netBuyPriceVolumeAdjustmentSystem',
  'buyPricePriceAdjustment',
  'netSellPriceCostAdjustmentEnergy',
  'netSellPriceVolumeAdjustmentEnergy',
  'netSellPriceVolumeAdjustmentSystem',
  'sellPricePriceAdjustment',
] as const

export function buildPerPeriod(build: DayBuild) {
  const { list, fail, periodOf, num, periods } = build
  const disRows = list('disbsad')
  const disKeys = Int32Array.from(disRows, (d, r) => {
    const where = `disbsad[${r}]`
    num(d.cost, where, 'cost')
    num(d.volume, where, 'volume')
    if (!Number.isInteger(d.id)) fail(where, 'id must be an integer')
    return periodOf(d.settlementPeriod, where) - 1
  })
  const dis = groupBy(disKeys, periods, (a, b) => disRows[a].id - disRows[b].id)
  dupes(
    dis,
    (a, b) => disRows[a].id === disRows[b].id,
    (r) => fail(`disbsad[${r}]`, `second item with id ${disRows[r].id} in its period`)
  )

  const netbsad = Object.fromEntries(
    NETBSAD_FIELDS.map((f) => [f, new Float64Array(periods)])
  ) as Record<(typeof NETBSAD_FIELDS)[number], Float64Array>
  const bsadDefaulted = new Uint8Array(periods)
  const seen = new Uint8Array(periods)
  list('netbsad').forEach((n, r) => {
    const where = `netbsad[${r}]`
    const period = periodOf(n.settlementPeriod, where)
    if (period < 0) return
    if (seen[period - 1]++) return fail(where, `second NETBSAD record for period ${period}`)
    for (const f of NETBSAD_FIELDS) netbsad[f][period - 1] = num(n[f], where, f)
    bsadDefaulted[period - 1] = n.bsadDefaulted ? 1 : 0
  })

  const midRows = list('marketIndex')
  const midKeys = Int32Array.from(midRows, (m, r) => {
    num(m.price, `marketIndex[${r}]`, 'price')
    num(m.volume, `marketIndex[${r}]`, 'volume')
    return periodOf(m.settlementPeriod, `marketIndex[${r}]`) - 1
  })
  const mid = groupBy(midKeys, periods, (a, b) =>
    cmp(midRows[a].dataProvider, midRows[b].dataProvider)
  )
  dupes(
    mid,
    (a, b) => midRows[a].dataProvider === midRows[b].dataProvider,
    (r) => fail(`marketIndex[${r}]`, `second record of ${midRows[r].dataProvider} in its period`)
  )

  const lolp = new Float64Array(periods).fill(Number.NaN)
  const demandControlVolume = new Float64Array(periods)
  list('lolp').forEach((l, r) => {
    const where = `lolp[${r}]`
    const period = periodOf(l.settlementPeriod, where)
    if (period < 0) return
    if (!Number.isNaN(lolp[period - 1]))
      return fail(where, `second LoLP record for period ${period}`)
    lolp[period - 1] = num(l.lossOfLoadProbability, where, 'lossOfLoadProbability')
    demandControlVolume[period - 1] = num(l.demandControlVolume ?? 0, where, 'demandControlVolume')
  })
  return {
    disbsad: {
      periodOffsets: dis.offsets,
      id: gather(Int32Array, dis.order, (r) => disRows[r].id),
      cost: gather(Float64Array, dis.order, (r) => disRows[r].cost),
      volume: gather(Float64Array, dis.order, (r) => disRows[r].volume),
      soFlag: gather(Uint8Array, dis.order, (r) => (disRows[r].soFlag ? 1 : 0)),
      storFlag: gather(Uint8Array, dis.order, (r) => (disRows[r].storFlag ? 1 : 0)),
    },
    netbsad: { ...netbsad, bsadDefaulted },
    marketIndex: {
      periodOffsets: mid.offsets,
      price: gather(Float64Array, mid.order, (r) => midRows[r].price),
      volume: gather(Float64Array, mid.order, (r) => midRows[r].volume),
    },
    lolp,
    demandControlVolume,
  }
}
