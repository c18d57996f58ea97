/**
 * Contract notifications of one day (settlement.md §4.5). Every account's
 * notified position is the FPN energy of the units it is credited with; net
 * sellers (generators, importers) sell to net buyers (suppliers, exporters,
 * charging storage), some trades pass through a trader, and every account
 * ends the period close to flat: imbalances stay modest. A few wind units
 * reallocate part of their metered energy to a supplier (MVRN, a PPA).
 */
import type { EcvnRecord, MvrnRecord } from '#rules_runtime/day_records'
import type { Rng } from './prng.js'
import { hashString } from './prng.js'
import type { DemoParty } from './parties_generator.js'
import type { DemoBmUnit } from './bm_units_generator.js'
import type { DayDispatch } from './dispatch.js'

export interface StandingMvrn {
  unit: number
  fromAccount: string
  toAccount: string
  fixedVolume: number
  percentage: number
}

/** A few PPAs: wind units of generators whose energy partly goes to a supplier's P account. */
function standingMvrns(parties: DemoParty[], units: DemoBmUnit[]): StandingMvrn[] {
  const suppliers = parties.filter((p) => p.kind === 'supplier')
  const limit = Math.max(2, Math.round(units.length * 0.003))
  const mvrns: StandingMvrn[] = []
  units.forEach((unit, i) => {
    const lead = parties.find((p) => p.partyId === unit.partyId)
    if (mvrns.length >= limit || lead?.kind !== 'generator' || !unit.fpnFlag) return
    if (unit.kind !== 'wind' || hashString(unit.bmUnitId) % 3 !== 0) return
    const offtaker = suppliers[hashString(unit.partyId) % suppliers.length]
    const fixed = mvrns.length === 1
    mvrns.push({
      unit: i,
      fromAccount: `${unit.partyId}-P`,
      toAccount: `${offtaker.partyId}-P`,
      fixedVolume: fixed ? 2 : 0,
      percentage: fixed ? 0 : 30 + 10 * (hashString(unit.bmUnitId) % 5),
    })
  })
  return mvrns
}

export function generateNotifications(
  rng: Rng,
  parties: DemoParty[],
  units: DemoBmUnit[],
  dispatch: DayDispatch
) {
  const { periods, periodMinutes } = dispatch.frame
  const hours = periodMinutes / 60
  const accountOf = new Map(
    parties.flatMap((p) =>
      p.accounts.map((a) => [`${p.partyId}:${a.accountType}`, a.accountId] as const)
    )
  )
  const traders = parties.filter((p) => p.kind === 'trader').map((p) => `${p.partyId}-P`)
  const mvrnList = standingMvrns(parties, units)
  const energy = (i: number, j: number) =>
    ((dispatch.levels[i][j - 1] + dispatch.levels[i][j]) / 2) * hours
  const ecvn: EcvnRecord[] = []
  const mvrn: MvrnRecord[] = []

  for (let j = 1; j <= periods; j++) {
    const position = new Map<string, number>()
    const credit = (account: string, mwh: number) =>
      position.set(account, (position.get(account) ?? 0) + mwh)
    units.forEach((unit, i) => {
      const account = accountOf.get(`${unit.partyId}:${unit.pcStatus}`)
      if (account) credit(account, energy(i, j))
    })
    for (const m of mvrnList) {
      const moved = m.fixedVolume + (m.percentage / 100) * energy(m.unit, j)
      credit(m.fromAccount, -moved)
      credit(m.toAccount, moved)
      mvrn.push({
        settlementPeriod: j,
        bmUnit: units[m.unit].bmUnitId,
        fromAccount: m.fromAccount,
        toAccount: m.toAccount,
        fixedVolume: m.fixedVolume,
        percentage: m.percentage,
      })
    }
    ecvn.push(...periodNotifications(rng, j, position, traders))
  }
  return { ecvn, mvrn }
}

/** One notification per pair of accounts: trades routed the same way add up. */
function periodNotifications(
  rng: Rng,
  settlementPeriod: number,
  position: Map<string, number>,
  traders: string[]
): EcvnRecord[] {
  const notified = new Map<string, EcvnRecord>()
  const notify = (fromAccount: string, toAccount: string, volume: number) => {
    const record = notified.get(`${fromAccount}>${toAccount}`) ?? {
      settlementPeriod,
      fromAccount,
      toAccount,
      volume: 0,
    }
    record.volume += volume
    notified.set(`${fromAccount}>${toAccount}`, record)
  }
  for (const [from, to, volume] of trades(position)) {
    const via =
      traders.length > 0 && hashString(`${from}>${to}`) % 10 === 0
        ? traders[hashString(to) % traders.length]
        : null
    if (!via) {
      notify(from, to, volume)
      continue
    }
    // The trader resells almost exactly what it bought: a small open position remains.
    notify(from, via, volume)
    notify(via, to, volume * (1 + rng.normal() * 0.01))
  }
  const records = [...notified.values()]
  for (const record of records) record.volume = Math.round(record.volume * 1000) / 1000
  return records.filter((record) => record.volume > 0)
}

/**
 * Seller → buyer volumes that match every account's position exactly (buyers
 * share the system's losses): both sides are walked in a fixed pseudo-random
 * order and each seller fills the next buyers, so trading partners stay the
 * same from one period to the next.
 */
function trades(position: Map<string, number>): [string, string, number][] {
  const order = (a: [string, number], b: [string, number]) => hashString(a[0]) - hashString(b[0])
  // Positions under 1 MWh are left open rather than notified.
  const sellers = [...position].filter(([, v]) => v >= 1).sort(order)
  const buyers = [...position].filter(([, v]) => v <= -1).sort(order)
  const supply = sellers.reduce((sum, [, v]) => sum + v, 0)
  const demand = -buyers.reduce((sum, [, v]) => sum + v, 0)
  const result: [string, string, number][] = []
  let s = 0
  let b = 0
  let sellerLeft = sellers[0]?.[1] ?? 0
  let buyerLeft = buyers.length > 0 ? (-buyers[0][1] * supply) / demand : 0
  while (s < sellers.length && b < buyers.length) {
    const volume = Math.min(sellerLeft, buyerLeft)
    result.push([sellers[s][0], buyers[b][0], volume])
    if (sellerLeft <= buyerLeft) {
      buyerLeft -= volume
      sellerLeft = sellers[++s]?.[1] ?? 0
    } else {
      sellerLeft -= volume
      buyerLeft = b + 1 < buyers.length ? (-buyers[++b][1] * supply) / demand : ((b += 1), 0)
    }
  }
  return result
}
