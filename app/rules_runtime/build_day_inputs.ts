/**
 * Turns one day's plain records (day_records.ts) into the columnar frames stages read (frames.ts):
 * dictionary-encoded parties, accounts and BM Units (sorted by id, so index order is id order),
 * period-major arrays, CSR lists. Every sort key is explicit, so the same records always give the
 * same frames. Structural problems are collected and thrown together, each naming its record
 * (`boalf[12]: …`); the numbers themselves are judged by the stages.
 */
import type { DayRecords } from './day_records.js'
import type { AcceptanceFrame, DayInputs, IdxArray } from './frames.js'
import { CONSUMPTION, PRODUCTION, VIRTUAL_BALANCING } from './frames.js'
import {
  periodStartUtc,
  periodsInDay,
  type PeriodMinutes,
} from '../core/calendar/settlement_calendar.js'

const ACCOUNT_TYPES: Record<string, number> = {
  P: PRODUCTION,
  C: CONSUMPTION,
  VBA: VIRTUAL_BALANCING,
}

export class DayInputsError extends Error {
  readonly problems: string[]

  constructor(problems: string[]) {
    const shown = problems.slice(0, 20).join('\n  ')
    const more = problems.length > 20 ? `\n  … and ${problems.length - 20} more` : ''
    super(`day inputs are invalid (${problems.length} problems):\n  ${shown}${more}`)
    this.name = 'DayInputsError'
    this.problems = problems
  }
}

const MAX_PROBLEMS = 200
const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?Z$/

type Dataset = keyof Omit<DayRecords, 'settlementDate' | 'periodMinutes'>

export function buildDayInputs(records: DayRecords): DayInputs {
  const problems: string[] = []
  const fail = (where: string, message: string) => {
    if (problems.length < MAX_PROBLEMS) problems.push(`${where}: ${message}`)
  }
  const { periods, dayStart, periodMs } = dayShape(records)
  const list = <K extends Dataset>(name: K): DayRecords[K] => {
    const value = records[name]
    if (value === undefined) return [] as unknown as DayRecords[K]
    if (!Array.isArray(value)) throw new DayInputsError([`${name}: must be a list`])
    return value
  }

  // --- reference data -------------------------------------------------------------------------
  const partyRecords = [...list('parties')].sort((a, b) => cmp(a.partyId, b.partyId))
  const partyIndex = indexBy(partyRecords, (p) => p.partyId, 'parties', fail)
  const accountRecords = [...list('accounts')].sort((a, b) => cmp(a.accountId, b.accountId))
  const accountIndex = indexBy(accountRecords, (a) => a.accountId, 'accounts', fail)
  const accountParty = new Int32Array(accountRecords.length)
  const accountType = new Uint8Array(accountRecords.length)
  const partyAccounts = new Map<string, number>()
  accountRecords.forEach((account, i) => {
    const where = `accounts[${i}] (${account.accountId})`
    accountParty[i] = lookup(partyIndex, account.partyId, where, 'partyId', fail)
    if (!(account.accountType in ACCOUNT_TYPES)) {
      fail(where, `accountType must be P, C or VBA, got ${JSON.stringify(account.accountType)}`)
    }
    accountType[i] = ACCOUNT_TYPES[account.accountType]
    partyAccounts.set(`${account.partyId}/${account.accountType}`, i)
  })

  const unitRecords = [...list('bmUnits')].sort((a, b) => cmp(a.elexonBmUnit, b.elexonBmUnit))
  const unitIndex = indexBy(unitRecords, (u) => u.elexonBmUnit, 'bmUnits', fail)
  const units = unitRecords.length
  const leadParty = new Int32Array(units)
  const leadAccount = new Int32Array(units)
  const pcStatus = new Uint8Array(units)
  const isInterconnector = new Uint8Array(units)
  const tradingUnit = new Int32Array(units)
  const tlf = new Float64Array(units)
  const tradingUnits = new Map<string, number>()
  let tradingUnitCount = 0
  unitRecords.forEach((unit, u) => {
    const where = `bmUnits[${u}] (${unit.elexonBmUnit})`
    leadParty[u] = lookup(partyIndex, unit.leadPartyId, where, 'leadPartyId', fail)
    const flag = unit.productionOrConsumptionFlag
    if (flag !== 'P' && flag !== 'C') fail(where, `productionOrConsumptionFlag must be P or C`)
    pcStatus[u] = flag === 'C' ? CONSUMPTION : PRODUCTION
    // A VLP-only party holds one Virtual Balancing Account instead of Energy Accounts (P344).
    const account =
      partyAccounts.get(`${unit.leadPartyId}/${flag}`) ??
      partyAccounts.get(`${unit.leadPartyId}/VBA`)
    if (account === undefined) {
      fail(where, `lead party ${unit.leadPartyId} has no ${flag} account (nor a VBA)`)
    }
    leadAccount[u] = account ?? -1
    isInterconnector[u] = unit.isInterconnector ? 1 : 0
    tlf[u] = finite(unit.transmissionLossFactor, where, 'transmissionLossFactor', fail)
    // Units in no declared Trading Unit are their own sole Trading Unit.
    const key =
      unit.tradingUnitId === null || unit.tradingUnitId === undefined ? null : unit.tradingUnitId
    if (key === null) tradingUnit[u] = tradingUnitCount++
    else {
      if (!tradingUnits.has(key)) tradingUnits.set(key, tradingUnitCount++)
      tradingUnit[u] = tradingUnits.get(key)!
    }
  })

  // --- shared record checks ---------------------------------------------------------------------
  const periodOf = (value: unknown, where: string): number => {
    if (!Number.isInteger(value) || (value as number) < 1 || (value as number) > periods) {
      fail(where, `settlementPeriod must be an integer from 1 to ${periods}, got ${String(value)}`)
      return -1
    }
    return value as number
  }
  const unitOf = (id: string, where: string) => lookup(unitIndex, id, where, 'bmUnit', fail)
  const accountOf = (id: string, where: string, field: string) =>
    lookup(accountIndex, id, where, field, fail)
  // Most instants repeat (period boundaries), so each distinct string is parsed once.
  const parsed = new Map<string, number>()
  const time = (value: string, where: string, field: string): number => {
    let ms = parsed.get(value)
    if (ms === undefined) {
      ms = typeof value === 'string' && ISO_UTC.test(value) ? Date.parse(value) : Number.NaN
      parsed.set(value, ms)
    }
    if (Number.isNaN(ms)) {
      fail(where, `${field} must be an ISO UTC instant ending in Z, got ${String(value)}`)
    }
    return ms
  }
  const num = (value: number, where: string, field: string) => finite(value, where, field, fail)
  const periodStart = (period: number) => dayStart + (period - 1) * periodMs

  // --- metered volumes and ABSVD (period-major) -------------------------------------------------
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
  const assetMetering = assetMeteredColumns()

  // --- PN and BOD: CSR per (period, unit), segments inside their period --------------------------
  const segmentsIn = (
    name: 'pn' | 'bod',
    extraOrder: (a: number, b: number) => number
  ): { offsets: IdxArray; order: Int32Array; times: Float64Array } => {
    const rows = list(name)
    const keys = new Int32Array(rows.length).fill(-1)
    const times = new Float64Array(rows.length * 2)
    rows.forEach((row, r) => {
      const where = `${name}[${r}]`
      const period = periodOf(row.settlementPeriod, where)
      const u = unitOf(row.bmUnit, where)
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
      keys[r] = (period - 1) * units + u
    })
    const { offsets, order } = groupBy(
      keys,
      periods * units,
      (a, b) => extraOrder(a, b) || times[2 * a] - times[2 * b]
    )
    return { offsets, order, times }
  }

  const pnRows = list('pn')
  const pn = segmentsIn('pn', () => 0)
  for (let g = 0; g < periods * units; g++) {
    for (let k = pn.offsets[g] + 1; k < pn.offsets[g + 1]; k++) {
      const [a, b] = [pn.order[k - 1], pn.order[k]]
      if (pn.times[2 * b] < pn.times[2 * a + 1])
        fail(`pn[${b}]`, `${pnRows[b].bmUnit}: overlaps pn[${a}]`)
    }
  }
  const bodRows = list('bod')
  const bod = segmentsIn('bod', (a, b) => bodRows[a].pairId - bodRows[b].pairId)
  for (let g = 0; g < periods * units; g++) {
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

  return finish()

  function finish(): DayInputs {
    const acceptances = buildAcceptances()
    const perPeriod = perPeriodInputs()
    const notifications = buildNotifications()
    if (problems.length) throw new DayInputsError(problems)
    return {
      settlementDate: records.settlementDate,
      periodMinutes: records.periodMinutes,
      periods,
      dayStart,
      parties: {
        ids: partyRecords.map((p) => p.partyId),
        names: partyRecords.map((p) => p.partyName),
      },
      accounts: {
        ids: accountRecords.map((a) => a.accountId),
        party: accountParty,
        type: accountType,
      },
      bmUnits: {
        ids: unitRecords.map((u) => u.elexonBmUnit),
        ngcIds: unitRecords.map((u) => u.nationalGridBmUnit ?? null),
        leadParty,
        types: unitRecords.map((u) => u.bmUnitType),
        gspGroups: unitRecords.map((u) => u.gspGroupId ?? null),
        pcStatus,
        isInterconnector,
        tradingUnit,
        tradingUnitCount,
        tlf,
        leadAccount,
      },
      meteredVolume,
      meteredEstimated,
      ...assetMetering,
      absvd,
      fpn: { offsets: pn.offsets, ...segmentColumns(pnRows, pn.order, pn.times) },
      bod: {
        offsets: bod.offsets,
        ...segmentColumns(bodRows, bod.order, bod.times),
        pairId: gather(Int32Array, bod.order, (r) => bodRows[r].pairId),
        offer: gather(Float64Array, bod.order, (r) => bodRows[r].offer),
        bid: gather(Float64Array, bod.order, (r) => bodRows[r].bid),
      },
      acceptances,
      ...perPeriod,
      ...notifications,
    }
  }

  /** P375 asset-metered volumes (period-major); absent when the day has none, as before P375. */
  function assetMeteredColumns(): Pick<DayInputs, 'assetMeteredVolume' | 'assetMeteredSupplier'> {
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

  /** BOALF segments → acceptances per unit ordered by number, each a list of (time, level) points. */
  function buildAcceptances(): AcceptanceFrame {
    const rows = list('boalf')
    const keys = new Int32Array(rows.length).fill(-1)
    const from = new Float64Array(rows.length)
    const to = new Float64Array(rows.length)
    rows.forEach((row, r) => {
      const where = `boalf[${r}]`
      const u = unitOf(row.bmUnit, where)
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
      acceptanceTime: gather(Float64Array, starts, (r) => parsed.get(rows[r].acceptanceTime)!),
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

  /** DISBSAD, NETBSAD, MID, LoLP and demand control: per period. */
  function perPeriodInputs() {
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

    const netFields = [
      'netBuyPriceCostAdjustmentEnergy',
      'netBuyPriceVolumeAdjustmentEnergy',
      'netBuyPriceVolumeAdjustmentSystem',
      'buyPricePriceAdjustment',
      'netSellPriceCostAdjustmentEnergy',
      'netSellPriceVolumeAdjustmentEnergy',
      'netSellPriceVolumeAdjustmentSystem',
      'sellPricePriceAdjustment',
    ] as const
    const netbsad = Object.fromEntries(
      netFields.map((f) => [f, new Float64Array(periods)])
    ) as Record<(typeof netFields)[number], Float64Array>
    const bsadDefaulted = new Uint8Array(periods)
    const seen = new Uint8Array(periods)
    list('netbsad').forEach((n, r) => {
      const where = `netbsad[${r}]`
      const period = periodOf(n.settlementPeriod, where)
      if (period < 0) return
      if (seen[period - 1]++) return fail(where, `second NETBSAD record for period ${period}`)
      for (const f of netFields) netbsad[f][period - 1] = num(n[f], where, f)
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
      demandControlVolume[period - 1] = num(
        l.demandControlVolume ?? 0,
        where,
        'demandControlVolume'
      )
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

  /** ECVN and MVRN rows ordered by period, then unit/accounts, then record order. */
  function buildNotifications() {
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
}

function dayShape(records: DayRecords) {
  if (typeof records !== 'object' || records === null)
    throw new DayInputsError(['records: must be an object'])
  try {
    const minutes = records.periodMinutes as PeriodMinutes
    const periods = periodsInDay(records.settlementDate, minutes)
    const dayStart = periodStartUtc(records.settlementDate, 1, minutes).toMillis()
    return { periods, dayStart, periodMs: minutes * 60_000 }
  } catch (error) {
    throw new DayInputsError([`settlementDate/periodMinutes: ${(error as Error).message}`])
  }
}

/** Counting sort of record indices by owner key (−1 = skipped), then `within` each owner. */
function groupBy(keys: Int32Array, owners: number, within: (a: number, b: number) => number) {
  const offsets = new Int32Array(owners + 1)
  for (const key of keys) if (key >= 0) offsets[key + 1]++
  for (let o = 0; o < owners; o++) offsets[o + 1] += offsets[o]
  const order = new Int32Array(offsets[owners])
  const fill = offsets.slice(0, owners)
  for (let r = 0; r < keys.length; r++) if (keys[r] >= 0) order[fill[keys[r]]++] = r
  const compare = (a: number, b: number) => within(a, b) || a - b
  for (let o = 0; o < owners; o++) {
    const from = offsets[o]
    const to = offsets[o + 1]
    if (to - from > 16) order.subarray(from, to).sort(compare)
    else {
      // groups are small (a unit's segments in one period): insertion sort, no allocation
      for (let i = from + 1; i < to; i++) {
        const r = order[i]
        let j = i - 1
        while (j >= from && compare(order[j], r) > 0) {
          order[j + 1] = order[j]
          j--
        }
        order[j + 1] = r
      }
    }
  }
  return { offsets, order }
}

/** A typed column of the values `get` picks for each record index in `order`. */
function gather<T extends Float64Array | Int32Array | Uint8Array>(
  Type: new (length: number) => T,
  order: ArrayLike<number>,
  get: (r: number) => number
): T {
  const column = new Type(order.length)
  for (let i = 0; i < order.length; i++) column[i] = get(order[i])
  return column
}

function dupes(
  grouped: { offsets: IdxArray; order: Int32Array },
  same: (a: number, b: number) => boolean,
  report: (r: number) => void
) {
  for (let o = 0; o + 1 < grouped.offsets.length; o++) {
    for (let k = grouped.offsets[o] + 1; k < grouped.offsets[o + 1]; k++) {
      if (same(grouped.order[k - 1], grouped.order[k])) report(grouped.order[k])
    }
  }
}

/** Segment columns in `order` (one pass; the hottest copy of a GB day). */
function segmentColumns(
  rows: { levelFrom: number; levelTo: number }[],
  order: Int32Array,
  times: Float64Array
) {
  const n = order.length
  const columns = {
    timeFrom: new Float64Array(n),
    levelFrom: new Float64Array(n),
    timeTo: new Float64Array(n),
    levelTo: new Float64Array(n),
  }
  for (let i = 0; i < n; i++) {
    const r = order[i]
    columns.timeFrom[i] = times[2 * r]
    columns.levelFrom[i] = rows[r].levelFrom
    columns.timeTo[i] = times[2 * r + 1]
    columns.levelTo[i] = rows[r].levelTo
  }
  return columns
}

function indexBy<T>(
  rows: T[],
  id: (row: T) => string,
  dataset: string,
  fail: (where: string, message: string) => void
): Map<string, number> {
  const index = new Map<string, number>()
  rows.forEach((row, i) => {
    const key = id(row)
    if (typeof key !== 'string' || !key) fail(`${dataset}[${i}]`, 'id must be a non-empty string')
    else if (index.has(key)) fail(`${dataset}[${i}]`, `duplicate id ${key}`)
    else index.set(key, i)
  })
  return index
}

function lookup(
  index: Map<string, number>,
  id: string,
  where: string,
  field: string,
  fail: (where: string, message: string) => void
): number {
  const found = index.get(id)
  if (found === undefined) fail(where, `${field} ${JSON.stringify(id)} is not known`)
  return found ?? -1
}

function finite(
  value: number,
  where: string,
  field: string,
  fail: (where: string, message: string) => void
): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    fail(where, `${field} must be a finite number, got ${String(value)}`)
    return Number.NaN
  }
  return value
}

/** Code-unit order: the same on every machine and locale. */
function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
