/**
 * Settlement reference data around the seeded days: zonal, seasonal TLFs for
 * each BSC Year touched (P350: one value per GSP Group and BSC Season, north
 * negative, south positive, strongest in winter) and the run calendar (each
 * run type due a number of Working Days after the settlement date).
 */
import { addWorkingDays } from '#core/calendar/index'
import type { Rng } from './prng.js'
import { GSP_GROUPS, GSP_WINTER_TLF } from './gb_reference.js'

export interface TlfRow {
  zone: string
  effectiveFrom: string
  effectiveTo: string
  tlf: number
}

export interface RunCalendarRow {
  settlementDate: string
  runType: string
  runDate: string
}

/** Working Days after the settlement date at which each run is due (settlement.md §6). */
const RUN_OFFSETS: [string, number][] = [
  ['II', 5],
  ['SF', 16],
  ['R1', 39],
  ['R2', 84],
  ['R3', 154],
  ['RF', 294],
]

/** BSC Seasons of the BSC Year starting 1 April: [first month-day, last month-day, year offset, strength]. */
const SEASONS: [string, string, number, number][] = [
  ['04-01', '05-31', 0, 0.85],
  ['06-01', '08-31', 0, 0.7],
  ['09-01', '11-30', 0, 0.9],
  ['12-01', '02-28', 0, 1],
  ['03-01', '03-31', 1, 0.85],
]

export function generateTlfs(rng: Rng, dates: string[]): TlfRow[] {
  const years = new Set(dates.map(bscYear))
  const rows: TlfRow[] = []
  for (const year of [...years].sort()) {
    const yearly = rng.fork(`tlf:${year}`)
    const drift = GSP_GROUPS.map(() => 1 + yearly.normal() * 0.05)
    for (const [from, to, offset, strength] of SEASONS) {
      const fromYear = year + offset
      const toYear = to < from ? year + 1 : fromYear
      const effectiveTo = to === '02-28' && isLeap(toYear) ? '02-29' : to
      GSP_GROUPS.forEach((zone, z) => {
        rows.push({
          zone,
          effectiveFrom: `${fromYear}-${from}`,
          effectiveTo: `${toYear}-${effectiveTo}`,
          tlf: Math.round(clamp(GSP_WINTER_TLF[zone] * strength * drift[z]) * 1e6) / 1e6,
        })
      })
    }
  }
  return rows
}

export function tlfOn(rows: TlfRow[], zone: string, date: string): number {
  return (
    rows.find((r) => r.zone === zone && r.effectiveFrom <= date && r.effectiveTo >= date)?.tlf ?? 0
  )
}

export function generateRunCalendar(dates: string[]): RunCalendarRow[] {
  return dates.flatMap((settlementDate) =>
    RUN_OFFSETS.map(([runType, days]) => ({
      settlementDate,
      runType,
      runDate: addWorkingDays(settlementDate, days),
    }))
  )
}

/** Published zonal TLFs stay within about −0.03 (north of Scotland) and +0.01 (London, the south west). */
function clamp(tlf: number): number {
  return Math.min(0.01, Math.max(-0.03, tlf))
}

/** BSC Years run from 1 April to 31 March. */
function bscYear(date: string): number {
  const year = Number(date.slice(0, 4))
  return date.slice(5) < '04-01' ? year - 1 : year
}

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
}
