/**
 * Small hand-made days for stage tests: a settlement date, units with their lead parties and
 * accounts, and helpers that write PN/BOD/BOALF records at minutes of a period.
 */
import type {
  BmUnitRecord,
  BoalfRecord,
  BodRecord,
  DayRecords,
  PnRecord,
} from '../../../../app/rules_runtime/day_records.js'
import { periodStartUtc } from '../../../../app/core/calendar/settlement_calendar.js'

export interface UnitSpec {
  id: string
  party: string
  pc?: 'P' | 'C'
  tlf?: number
  tradingUnit?: string | null
  interconnector?: boolean
}

export function emptyDay(date: string, units: UnitSpec[], periodMinutes = 30): DayRecords {
  const parties = [...new Set(units.map((u) => u.party))]
  return {
    settlementDate: date,
    periodMinutes,
    parties: parties.map((partyId) => ({ partyId, partyName: `Party ${partyId}` })),
    accounts: parties.flatMap((partyId) => [
      { accountId: `${partyId}-P`, partyId, accountType: 'P' as const },
      { accountId: `${partyId}-C`, partyId, accountType: 'C' as const },
    ]),
    bmUnits: units.map((u): BmUnitRecord => ({
      elexonBmUnit: u.id,
      nationalGridBmUnit: null,
      leadPartyId: u.party,
      bmUnitType: u.id[0],
      gspGroupId: null,
      tradingUnitId: u.tradingUnit ?? null,
      productionOrConsumptionFlag: u.pc ?? 'P',
      isInterconnector: u.interconnector ?? false,
      transmissionLossFactor: u.tlf ?? 0,
    })),
    meteredVolumes: [],
    pn: [],
    bod: [],
    boalf: [],
    absvd: [],
    disbsad: [],
    netbsad: [],
    marketIndex: [],
    lolp: [],
    ecvn: [],
    mvrn: [],
  }
}

/** ISO instant `minute` minutes after the start of `period`. */
export function at(day: DayRecords, period: number, minute: number): string {
  const start = periodStartUtc(day.settlementDate, 1, day.periodMinutes as 30).toMillis()
  const ms = start + ((period - 1) * day.periodMinutes + minute) * 60_000
  return new Date(ms).toISOString().replace('.000Z', 'Z')
}

/** A flat (or ramped) PN over the whole period. */
export function pn(
  day: DayRecords,
  unit: string,
  period: number,
  levelFrom: number,
  levelTo = levelFrom
): PnRecord {
  const record = {
    bmUnit: unit,
    settlementPeriod: period,
    timeFrom: at(day, period, 0),
    levelFrom,
    timeTo: at(day, period, day.periodMinutes),
    levelTo,
  }
  day.pn.push(record)
  return record
}

/** A bid-offer pair band of constant (or changing) width over the whole period. */
export function pair(
  day: DayRecords,
  unit: string,
  period: number,
  pairId: number,
  width: number,
  offer: number,
  bid: number,
  widthTo = width
): BodRecord {
  const record = {
    bmUnit: unit,
    settlementPeriod: period,
    pairId,
    offer,
    bid,
    timeFrom: at(day, period, 0),
    levelFrom: width,
    timeTo: at(day, period, day.periodMinutes),
    levelTo: widthTo,
  }
  day.bod.push(record)
  return record
}

/** An acceptance through the given (period, minute, MW) points, one BOALF segment per step. */
export function acceptance(
  day: DayRecords,
  unit: string,
  number: number,
  points: [number, number, number][],
  flags: Partial<Pick<BoalfRecord, 'soFlag' | 'storFlag' | 'rrFlag'>> = {}
): BoalfRecord[] {
  const records: BoalfRecord[] = []
  for (let i = 0; i + 1 < points.length; i++) {
    const [p0, m0, l0] = points[i]
    const [p1, m1, l1] = points[i + 1]
    records.push({
      bmUnit: unit,
      acceptanceNumber: number,
      acceptanceTime: at(day, points[0][0], points[0][1] - 5),
      deemedBoFlag: false,
      soFlag: flags.soFlag ?? false,
      storFlag: flags.storFlag ?? false,
      rrFlag: flags.rrFlag ?? false,
      timeFrom: at(day, p0, m0),
      levelFrom: l0,
      timeTo: at(day, p1, m1),
      levelTo: l1,
    })
  }
  day.boalf.push(...records)
  return records
}

export function metered(day: DayRecords, unit: string, period: number, volume: number) {
  day.meteredVolumes.push({ bmUnit: unit, settlementPeriod: period, volume })
}
