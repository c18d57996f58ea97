import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import Contact from '#customer/models/contact'
import CreditDefault from '#customer/models/credit_default'
import { MARKET_ROLES } from '#customer/reference/market_roles'
import {
  settlementMoneyPort,
  type IndebtednessAnswer,
  type SettlementMoneyPort,
} from '#customer/ports/trading_charges_port'
import { parameterOn, today } from './lead_times.js'
import { formatPounds } from './money.js'
import { JourneyError } from './journey_error.js'

/**
 * Credit Cover and the Credit Cover Percentage (customer.md §9, §15). Lodged
 * cover on a day is what the operator recorded as lodged minus withdrawn up
 * to that day. CCP = indebtedness / lodged cover; Level 1 above the dated
 * `credit_default_level_1` threshold, Level 2 above `credit_default_level_2`.
 */
export const REQUIRED_CREDIT_CONTACTS = 2
export const TRADING_ROLE_CODES = MARKET_ROLES.filter((role) => role.trading).map((r) => r.code)

export async function lodgedCoverPence(
  partyId: string,
  onDate = today(),
  trx?: TransactionClientContract
): Promise<number> {
  const rows = await (trx ?? db)
    .from('customer_credit_cover_movements')
    .where('party_id', partyId)
    .whereIn('state', ['LODGED', 'WITHDRAWN'])
    .where('effective_on', '<=', onDate)
    .groupBy('state')
    .select('state')
    .sum('amount_pence as total')
  const total = (state: string) => Number(rows.find((r: any) => r.state === state)?.total ?? 0)
  return total('LODGED') - total('WITHDRAWN')
}

/** The approved, not ended 24-hour credit contacts of a party (customer.md §4.2). */
export async function creditContacts(partyId: string, trx?: TransactionClientContract) {
  const day = today()
  const contacts = await Contact.query({ client: trx })
    .where('party_id', partyId)
    .where('status', 'approved')
    .where((q) => q.whereNull('effective_to').orWhere('effective_to', '>=', day))
    .orderBy('id')
  return contacts.filter((contact) => contact.contactTypes.includes('credit_24h'))
}

/** Holds (or is registering) a role that trades, so needs Credit Cover and credit contacts. */
export async function holdsTradingRole(partyId: string, trx?: TransactionClientContract) {
  const role = await (trx ?? db)
    .from('customer_party_roles')
    .where('party_id', partyId)
    .where('status', 'registered')
    .whereIn('role_code', TRADING_ROLE_CODES)
    .first()
  return !!role
}

/** §9 [D]: a Trading Party keeps its two 24-hour credit contacts; ending one needs a replacement first. */
export async function assertCreditContactKept(
  trx: TransactionClientContract,
  partyId: string,
  contactId: number
) {
  const contacts = await creditContacts(partyId, trx)
  if (!contacts.some((c) => c.id === contactId)) return
  if (contacts.length > REQUIRED_CREDIT_CONTACTS || !(await holdsTradingRole(partyId, trx))) return
  throw new JourneyError(
    'A Trading Party keeps two 24-hour credit contacts: name a replacement with the credit contacts form first'
  )
}

export function openCreditDefault(partyId: string, trx?: TransactionClientContract) {
  return CreditDefault.query({ client: trx })
    .where('party_id', partyId)
    .whereNot('state', 'CLEARED')
    .orderBy('id', 'desc')
    .first()
}

export interface CreditPosition {
  coverPence: number
  indebtedness: IndebtednessAnswer
  ccpPercent: number | null
  level: 0 | 1 | 2 | null
  thresholds: { level1: number | null; level2: number | null }
  summary: string
}

export async function creditPosition(
  partyId: string,
  port: SettlementMoneyPort = settlementMoneyPort,
  trx?: TransactionClientContract
): Promise<CreditPosition> {
  const day = today()
  const coverPence = await lodgedCoverPence(partyId, day, trx)
  const first = await parameterOn('credit_default_level_1', day, trx)
  const second = await parameterOn('credit_default_level_2', day, trx)
  const level1 = first?.value ?? null
  const level2 = second?.value ?? null
  const indebtedness = await port.indebtedness(partyId)
  const thresholds = { level1, level2 }
  if (indebtedness.status === 'unknown' || level1 === null || level2 === null) {
    return {
      coverPence,
      indebtedness,
      ccpPercent: null,
      level: null,
      thresholds,
      summary:
        indebtedness.status === 'unknown'
          ? `Credit Cover Percentage unknown: ${indebtedness.explanation}`
          : 'Credit Cover Percentage unknown: the credit default thresholds are not set',
    }
  }
  const debt = indebtedness.pence
  if (coverPence <= 0) {
    return {
      coverPence,
      indebtedness,
      ccpPercent: debt === 0 ? 0 : null,
      level: debt === 0 ? 0 : 2,
      thresholds,
      summary:
        debt === 0
          ? 'No Credit Cover lodged and nothing owed'
          : `No Credit Cover lodged against ${formatPounds(debt)} owed`,
    }
  }
  const ccp = Math.round((debt / coverPence) * 10000) / 100
  return {
    coverPence,
    indebtedness,
    ccpPercent: ccp,
    level: ccp > level2 ? 2 : ccp > level1 ? 1 : 0,
    thresholds,
    summary: `${ccp} % of ${formatPounds(coverPence)} lodged cover used (${formatPounds(debt)} owed)`,
  }
}
