import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { datesBetween } from '#core/calendar/index'
import type Party from '#customer/models/party'
import { marketRole } from '#customer/reference/market_roles'

/**
 * The parts of the exit conditions (customer.md §10.1) that need more than a
 * lookup: what is still registered, which Settlement Days await their Final
 * Reconciliation, what licence still binds the party, and whether a P414
 * receiving party qualifies.
 */
export const dayBefore = (date: string) =>
  DateTime.fromISO(date, { zone: 'utc' }).minus({ days: 1 }).toISODate()!

export async function registrationsRemaining(
  trx: TransactionClientContract,
  partyId: string,
  withdrawalDate: string
) {
  const count = async (query: any) => {
    const row = await query.count('* as total').first()
    return Number(row?.total ?? 0)
  }
  const open = (q: any) =>
    q.where((w: any) => w.whereNull('effective_to').orWhere('effective_to', '>=', withdrawalDate))
  const owned = (table: string) => trx.from(table).where('party_id', partyId)
  return {
    units: await count(
      open(owned('customer_bm_units').where('status', 'registered').where('is_base', false))
    ),
    pairs: await count(open(owned('customer_msid_pairs').where('status', 'accepted'))),
    amsids: await count(
      open(owned('customer_asset_metering_systems').whereIn('state', ['REGISTERED', 'ALLOCATED']))
    ),
    msids: await count(open(owned('customer_metering_systems'))),
  }
}

/**
 * The party's Settlement Days: the days it held a registered role, up to the
 * day before the withdrawal date. Null when it never held a role. Read with
 * the settlement facts, outside any transaction.
 */
export async function settlementSpan(partyId: string, withdrawalDate: string) {
  const roles = await db
    .from('customer_party_roles')
    .where('party_id', partyId)
    .where('effective_from', '<', withdrawalDate)
    .select('effective_from', 'effective_to')
  if (!roles.length) return null
  const lastPossible = dayBefore(withdrawalDate)
  const first = roles.map((r: any) => r.effective_from as string).sort()[0]
  const latest = roles.map((r: any) => (r.effective_to as string | null) ?? lastPossible).sort()
  const last = latest[latest.length - 1] > lastPossible ? lastPossible : latest[latest.length - 1]
  return last < first ? null : { first, last }
}

/** The days of the span whose latest run is not yet a Final Reconciliation. */
export function pendingFinalDays(span: { first: string; last: string }, finalDates: Set<string>) {
  return datesBetween(span.first, span.last).filter((date) => !finalDates.has(date))
}

/** Licence statuses that still oblige a party to be a BSC Party (§10.1 LICENCE_REQUIRES). */
export const BINDING_LICENCE = ['held', 'exempt', 'applied_for']

export function licenceProblem(party: Party, withdrawalDate: string): string | null {
  if (party.licenceStatus && BINDING_LICENCE.includes(party.licenceStatus))
    return `Licence status "${party.licenceStatus.replace('_', ' ')}"${party.licenceNumber ? ` (${party.licenceNumber})` : ''}: Elexon must record its revocation or surrender first`
  if (party.licenceEndedOn && party.licenceEndedOn >= withdrawalDate)
    return `The licence ends on ${party.licenceEndedOn}, not before the withdrawal date`
  return null
}

/**
 * P414 (customer.md §10.2): the receiving party exists, has not withdrawn, is
 * another party, and holds every role the leaving party holds on the
 * withdrawal date; a party bound by a licence needs the revocation date agreed
 * with Ofgem, before the withdrawal date.
 */
export async function p414Problems(
  trx: TransactionClientContract,
  party: Party,
  route: { receivingPartyId: string | null; licenceRevocationDate: string | null },
  withdrawalDate: string
) {
  const problems: { field: string; message: string }[] = []
  const heldOn = async (partyId: string) => {
    const rows = await trx
      .from('customer_party_roles')
      .where('party_id', partyId)
      .where('status', 'registered')
      .where('effective_from', '<=', withdrawalDate)
      .where((q) => q.whereNull('effective_to').orWhere('effective_to', '>=', withdrawalDate))
      .select('role_code')
    return rows.map((r: any) => r.role_code as string)
  }
  const receiving = route.receivingPartyId
    ? await trx.from('customer_parties').where('party_id', route.receivingPartyId).first()
    : null
  if (!receiving || receiving.party_id === party.partyId || receiving.status === 'withdrawn') {
    problems.push({
      field: 'receivingPartyId',
      message: 'Name another BSC Party, not withdrawn, to take over the liabilities',
    })
  } else {
    const theirs = await heldOn(receiving.party_id)
    const ours = await heldOn(party.partyId)
    const missing = ours.filter((code) => !theirs.includes(code))
    if (missing.length)
      problems.push({
        field: 'receivingPartyId',
        message: `${receiving.party_id} is not registered as ${missing.map((c) => marketRole(c).label).join(', ')} on ${withdrawalDate}`,
      })
  }
  if (party.licenceStatus && BINDING_LICENCE.includes(party.licenceStatus)) {
    if (!route.licenceRevocationDate || route.licenceRevocationDate >= withdrawalDate)
      problems.push({
        field: 'licenceRevocationDate',
        message:
          'A licensed party gives the licence revocation date agreed with Ofgem, before the withdrawal date',
      })
  }
  return problems
}
