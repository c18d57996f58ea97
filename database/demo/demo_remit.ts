/**
 * A few REMIT outage messages for the demo, published the way a party's user
 * publishes them (Insights' submit action): planned and unplanned outages of
 * large units of parties that have demo logins, one of them revised, so the
 * REMIT pages and `/remit/*` endpoints have something to list.
 */
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import { submitRemitMessage, type RemitInput } from '#insights/index'
import type { DemoBmUnit } from './bm_unit_types.js'
import type { DemoMarket } from './demo_market.js'
import type { DemoLogin } from './demo_users.js'

const REMIT_FUEL: Record<string, RemitInput['fuelType']> = {
  NUCLEAR: 'Nuclear',
  CCGT: 'Fossil Gas',
  OCGT: 'Fossil Gas',
  COAL: 'Fossil Hard coal',
  BIOMASS: 'Biomass',
  WIND: 'Wind Offshore',
  PS: 'Hydro Pumped Storage',
  NPSHYD: 'Hydro Run-of-river and poundage',
}

interface Outage {
  /** which units the outage may hit */
  fuel: (fuel: string) => boolean
  eventType: RemitInput['eventType']
  unavailabilityType: RemitInput['unavailabilityType']
  /** hours after the first demo day's midnight (UTC) */
  startHour: number
  hours: number
  /** share of the unit's capacity lost */
  share: number
  cause: string
  /** a later revision: the outage runs this many hours longer */
  extendedBy?: number
}

const PRODUCTION = 'Production unavailability'
const fuelIn =
  (...fuels: string[]) =>
  (fuel: string) =>
    fuels.includes(fuel)
const interconnector = (fuel: string) => fuel.startsWith('INT')
const OUTAGES: Outage[] = [
  {
    fuel: fuelIn('NUCLEAR', 'CCGT'),
    eventType: PRODUCTION,
    unavailabilityType: 'Unplanned',
    startHour: 6,
    hours: 20,
    share: 0.45,
    cause: 'Gas turbine trip; running on one unit',
    extendedBy: 18,
  },
  {
    fuel: fuelIn('WIND'),
    eventType: PRODUCTION,
    unavailabilityType: 'Planned',
    startHour: -24,
    hours: 72,
    share: 0.5,
    cause: 'Turbine maintenance campaign',
  },
  {
    fuel: interconnector,
    eventType: 'Transmission unavailability',
    unavailabilityType: 'Planned',
    startHour: 8,
    hours: 10,
    share: 0.5,
    cause: 'Converter station maintenance',
  },
  {
    fuel: fuelIn('WIND'),
    eventType: PRODUCTION,
    unavailabilityType: 'Unplanned',
    startHour: 10,
    hours: 6,
    share: 0.25,
    cause: 'Export cable fault on one string',
  },
]

export async function publishDemoRemit(market: DemoMarket, logins: DemoLogin[]): Promise<number> {
  const users = await db
    .from('core_users')
    .whereIn(
      'email',
      logins.filter((login) => login.partyId).map((login) => login.email)
    )
    .select('id', 'party_id')
  const userOf = new Map(users.map((user) => [user.party_id as string, Number(user.id)]))
  const dayStart = DateTime.fromISO(`${market.dates[0]}T00:00:00Z`, { zone: 'utc' })
  const at = (hours: number) => dayStart.plus({ hours }).toISO({ suppressMilliseconds: true })!
  const used = new Set<string>()
  let published = 0
  for (const outage of OUTAGES) {
    const unit = largestUnit(market.bmUnits, outage.fuel, userOf, used)
    if (!unit) continue
    used.add(unit.bmUnitId)
    const submitter = { userId: userOf.get(unit.partyId)!, partyId: unit.partyId }
    const unavailable = Math.round(unit.generationCapacity * outage.share)
    const message: RemitInput = {
      messageType: 'UnavailabilitiesOfElectricityFacilities',
      messageHeading: `${outage.unavailabilityType} outage of ${unit.name}`,
      eventType: outage.eventType,
      unavailabilityType: outage.unavailabilityType,
      assetId: unit.bmUnitId,
      fuelType: REMIT_FUEL[unit.fuel!] ?? 'Other',
      normalCapacity: unit.generationCapacity,
      unavailableCapacity: unavailable,
      eventStartTime: at(outage.startHour),
      eventEndTime: at(outage.startHour + outage.hours),
      cause: outage.cause,
    }
    const first = await submitRemitMessage(message, submitter)
    published++
    if (outage.extendedBy) {
      const later = {
        ...message,
        eventEndTime: at(outage.startHour + outage.hours + outage.extendedBy),
      }
      await submitRemitMessage(
        { ...later, cause: `${outage.cause}; return delayed` },
        submitter,
        String((first as Record<string, unknown>).mrid)
      )
      published++
    }
  }
  return published
}

/** The largest unit of a fuel the outage may hit whose lead party has a demo login. */
function largestUnit(
  units: DemoBmUnit[],
  fuel: (fuel: string) => boolean,
  userOf: Map<string, number>,
  used: Set<string>
): DemoBmUnit | undefined {
  return units
    .filter((u) => u.fuel && fuel(u.fuel) && userOf.has(u.partyId) && !used.has(u.bmUnitId))
    .sort(
      (a, b) => b.generationCapacity - a.generationCapacity || (a.bmUnitId < b.bmUnitId ? -1 : 1)
    )[0]
}
