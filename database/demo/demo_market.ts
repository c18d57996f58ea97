/**
 * The demo market as pure data: reference data once, then one settlement
 * day at a time in the settlement interchange form (`DayRecords`), so a GB
 * scale week never has to sit in memory at once. Same options ⇒ same records:
 * every part draws from its own fork of the seeded generator, and each day
 * depends only on the seed and its date.
 */
import type { DayRecords } from '#rules_runtime/day_records'
import { Rng } from './prng.js'
import { generateParties } from './parties_generator.js'
import type { DemoParty } from './parties_generator.js'
import { generateBmUnits } from './bm_units_generator.js'
import type { DemoBmUnit } from './bm_units_generator.js'
import { generateRunCalendar, generateTlfs, tlfOn } from './reference_generator.js'
import type { RunCalendarRow, TlfRow } from './reference_generator.js'
import { dayFrame } from './market_shape.js'
import { dispatchDay } from './dispatch.js'
import { generateBod, generatePn } from './bm_inputs_generator.js'
import { boalfRecords, generateAcceptances } from './acceptances_generator.js'
import { generateMetered } from './metered_generator.js'
import { generateNotifications } from './notifications_generator.js'
import {
  generateAbsvd,
  generateDisbsad,
  generateLolp,
  generateMarketIndex,
  generateNetbsad,
} from './balancing_services_generator.js'

export const DEFAULT_DATES = ['2026-01-15', '2026-03-29', '2026-10-25']
export const DEFAULT_BM_UNITS = 150

export interface DemoOptions {
  seed: number
  dates: string[]
  bmUnits: number
  /** default: scales with the units, 20 for the default market, ~300 for 3,500 units */
  parties?: number
}

export interface DemoMarket {
  seed: number
  dates: string[]
  parties: DemoParty[]
  bmUnits: DemoBmUnit[]
  tlfs: TlfRow[]
  runCalendar: RunCalendarRow[]
}

export function defaultPartyCount(bmUnits: number): number {
  return Math.max(20, Math.round((bmUnits * 300) / 3500))
}

export function buildDemoMarket(options: DemoOptions): DemoMarket {
  const root = new Rng(options.seed)
  const dates = [...new Set(options.dates)].sort()
  const partyCount = options.parties ?? defaultPartyCount(options.bmUnits)
  const parties = generateParties(root.fork('parties'), partyCount, options.bmUnits, dates[0])
  const bmUnits = generateBmUnits(root.fork('bm-units'), parties, options.bmUnits, dates[0])
  return {
    seed: options.seed,
    dates,
    parties,
    bmUnits,
    tlfs: generateTlfs(root.fork('tlfs'), dates),
    runCalendar: generateRunCalendar(dates),
  }
}

export function generateDay(market: DemoMarket, date: string): DayRecords {
  const rng = new Rng(market.seed).fork(`day:${date}`)
  const { parties, bmUnits } = market
  const dispatch = dispatchDay(rng.fork('dispatch'), bmUnits, dayFrame(date))
  const acceptances = generateAcceptances(rng.fork('boalf'), bmUnits, dispatch)
  const absvd = generateAbsvd(rng.fork('absvd'), bmUnits, dispatch)
  const { ecvn, mvrn } = generateNotifications(
    rng.fork('notifications'),
    parties,
    bmUnits,
    dispatch
  )
  return {
    settlementDate: date,
    periodMinutes: dispatch.frame.periodMinutes,
    parties: parties.map((p) => ({ partyId: p.partyId, partyName: p.name })),
    // Virtual Balancing Accounts are not P/C accounts: the interchange form has no place for them.
    accounts: parties.flatMap((p) =>
      p.accounts.flatMap((a) =>
        a.accountType === 'VBA'
          ? []
          : [{ accountId: a.accountId, partyId: p.partyId, accountType: a.accountType }]
      )
    ),
    bmUnits: bmUnits.map((u) => ({
      elexonBmUnit: u.bmUnitId,
      nationalGridBmUnit: u.ngcBmUnitId,
      leadPartyId: u.partyId,
      bmUnitType: u.type,
      gspGroupId: u.gspGroup,
      tradingUnitId: u.tradingUnitId,
      productionOrConsumptionFlag: u.pcStatus,
      isInterconnector: u.type === 'I',
      transmissionLossFactor: tlfOn(market.tlfs, u.gspGroup, date),
    })),
    meteredVolumes: generateMetered(rng.fork('metered'), bmUnits, dispatch, acceptances, absvd),
    pn: generatePn(bmUnits, dispatch),
    bod: generateBod(rng.fork('bod'), bmUnits, dispatch),
    boalf: boalfRecords(acceptances),
    absvd,
    disbsad: generateDisbsad(rng.fork('disbsad'), parties, bmUnits, dispatch),
    netbsad: generateNetbsad(rng.fork('netbsad'), dispatch),
    marketIndex: generateMarketIndex(rng.fork('mid'), dispatch),
    lolp: generateLolp(dispatch),
    ecvn,
    mvrn,
  }
}
