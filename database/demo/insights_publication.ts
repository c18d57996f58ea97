/**
 * What Elexon would publish for a demo day, in the shapes of its Insights
 * API: generation by fuel type (FUELHH half-hourly, FUELINST every 5 minutes),
 * demand outturn (INDO/ITSDO), and the balancing data the day was settled
 * from (BOD, BOALF, DISBSAD, NETBSAD); and once, the BM Unit reference list
 * (what the customer register's events keep up to date). Pure: the seeder imports the result
 * through Insights' public import (the path `node ace insights:import` takes).
 */
import type { DayRecords } from '#rules_runtime/day_records'
import { periodAt, periodStartUtc, periodsInDay, toUtcIso } from '#core/calendar/index'
import type { DemoBmUnit } from './bm_unit_types.js'
import type { DemoMarket } from './demo_market.js'

type Row = Record<string, unknown>

/** Fuel types FUELHH/FUELINST report; the demo's other technologies (solar, batteries, CHP …) count as OTHER. */
const OUTTURN_FUELS = new Set([
  'BIOMASS',
  'CCGT',
  'COAL',
  'NPSHYD',
  'NUCLEAR',
  'OCGT',
  'OIL',
  'PS',
  'WIND',
])
const FIVE_MINUTES_MS = 5 * 60_000

function outturnFuel(unit: DemoBmUnit): string | null {
  if (!unit.fuel) return null
  if (unit.fuel.startsWith('INT') || OUTTURN_FUELS.has(unit.fuel)) return unit.fuel
  return 'OTHER'
}

/** MW per fuel type and period: metered output (imports and exports for interconnectors). */
function generationByFuel(day: DayRecords, units: DemoBmUnit[]): Map<string, number[]> {
  const fuelOf = new Map(units.map((unit) => [unit.bmUnitId, outturnFuel(unit)]))
  const periods = periodsInDay(day.settlementDate)
  const toMw = 60 / day.periodMinutes
  const byFuel = new Map<string, number[]>()
  for (const fuel of new Set(fuelOf.values())) {
    if (fuel) byFuel.set(fuel, new Array(periods).fill(0))
  }
  for (const { bmUnit, settlementPeriod, volume } of day.meteredVolumes) {
    const fuel = fuelOf.get(bmUnit)
    if (!fuel || (volume < 0 && !fuel.startsWith('INT'))) continue
    byFuel.get(fuel)![settlementPeriod - 1] += volume * toMw
  }
  return byFuel
}

function fuelHh(date: string, byFuel: Map<string, number[]>): Row[] {
  return [...byFuel].flatMap(([fuelType, mw]) =>
    mw.map((value, index) => ({
      startTime: toUtcIso(periodStartUtc(date, index + 1)),
      settlementDate: date,
      settlementPeriod: index + 1,
      fuelType,
      generation: Math.round(value),
    }))
  )
}

/** 5-minute values drawn through the half-hour averages (placed at each period's middle). */
function fuelInst(date: string, byFuel: Map<string, number[]>): Row[] {
  const dayStart = periodStartUtc(date, 1).toMillis()
  const halfHourMs = 30 * 60_000
  const rows: Row[] = []
  for (const [fuelType, mw] of byFuel) {
    for (let at = dayStart; at < dayStart + mw.length * halfHourMs; at += FIVE_MINUTES_MS) {
      const position = (at - dayStart) / halfHourMs - 0.5
      const before = Math.max(0, Math.min(mw.length - 1, Math.floor(position)))
      const after = Math.min(mw.length - 1, before + 1)
      const weight = Math.max(0, Math.min(1, position - before))
      const startTime = new Date(at).toISOString().replace('.000Z', 'Z')
      const { settlementPeriod } = periodAt(startTime)
      rows.push({
        startTime,
        settlementDate: date,
        settlementPeriod,
        fuelType,
        generation: Math.round(mw[before] * (1 - weight) + mw[after] * weight),
      })
    }
  }
  return rows
}

/** Demand: supplier (consumption) units; transmission demand adds exports and pumping. */
function demandOutturn(day: DayRecords, units: DemoBmUnit[]): Row[] {
  const kindOf = new Map(units.map((unit) => [unit.bmUnitId, unit.kind]))
  const periods = periodsInDay(day.settlementDate)
  const national = new Array(periods).fill(0)
  const transmission = new Array(periods).fill(0)
  const toMw = 60 / day.periodMinutes
  for (const { bmUnit, settlementPeriod, volume } of day.meteredVolumes) {
    if (volume >= 0) continue
    const kind = kindOf.get(bmUnit)
    if (kind === 'supplier') national[settlementPeriod - 1] -= volume * toMw
    if (kind === 'supplier' || kind === 'export' || kind === 'storage') {
      transmission[settlementPeriod - 1] -= volume * toMw
    }
  }
  return national.map((value, index) => ({
    startTime: toUtcIso(periodStartUtc(day.settlementDate, index + 1)),
    settlementDate: day.settlementDate,
    settlementPeriod: index + 1,
    initialDemandOutturn: Math.round(value),
    initialTransmissionSystemDemandOutturn: Math.round(transmission[index]),
  }))
}

function balancingData(day: DayRecords): Record<string, Row[]> {
  const date = day.settlementDate
  const ngc = new Map(day.bmUnits.map((unit) => [unit.elexonBmUnit, unit.nationalGridBmUnit]))
  return {
    BOD: day.bod.map((record) => ({
      ...record,
      settlementDate: date,
      nationalGridBmUnit: ngc.get(record.bmUnit) ?? null,
    })),
    BOALF: day.boalf.map((record) => ({
      ...record,
      settlementDate: date,
      settlementPeriodFrom: periodAt(record.timeFrom).settlementPeriod,
      settlementPeriodTo: periodAt(record.timeTo).settlementPeriod,
      amendmentFlag: 'ORI',
      nationalGridBmUnit: ngc.get(record.bmUnit) ?? null,
    })),
    DISBSAD: day.disbsad.map((record) => ({ ...record, settlementDate: date })),
    NETBSAD: day.netbsad.map(({ bsadDefaulted: _defaulted, ...record }) => ({
      ...record,
      settlementDate: date,
    })),
  }
}

/** The day's publications, by Insights dataset code (datasets with no rows are left out). */
export function demoPublications(day: DayRecords, units: DemoBmUnit[]): Record<string, Row[]> {
  const byFuel = generationByFuel(day, units)
  const all: Record<string, Row[]> = {
    FUELHH: fuelHh(day.settlementDate, byFuel),
    FUELINST: fuelInst(day.settlementDate, byFuel),
    INDO: demandOutturn(day, units),
    ...balancingData(day),
  }
  return Object.fromEntries(Object.entries(all).filter(([, rows]) => rows.length > 0))
}

/** The market's BM Units in Elexon's /reference/bmunits/all shape (BmUnitData). */
export function demoBmUnitList(market: DemoMarket): Row[] {
  const partyName = new Map(market.parties.map((party) => [party.partyId, party.name]))
  return market.bmUnits.map((unit) => ({
    nationalGridBmUnit: unit.ngcBmUnitId,
    elexonBmUnit: unit.bmUnitId,
    fuelType: unit.fuel,
    leadPartyName: partyName.get(unit.partyId) ?? null,
    bmUnitType: unit.type,
    fpnFlag: unit.fpnFlag,
    bmUnitName: unit.name,
    leadPartyId: unit.partyId,
    demandCapacity: unit.demandCapacity.toFixed(3),
    generationCapacity: unit.generationCapacity.toFixed(3),
    productionOrConsumptionFlag: unit.pcFlag,
    gspGroupId: unit.gspGroup,
  }))
}
