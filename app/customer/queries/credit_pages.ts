import type User from '#core/auth/user'
import UserModel from '#core/auth/user'
import type Party from '#customer/models/party'
import BscChargePayment from '#customer/models/bsc_charge_payment'
import CreditCoverMovement from '#customer/models/credit_cover_movement'
import CreditDefault from '#customer/models/credit_default'
import { settlementMoneyPort, type SettlementMoneyPort } from '#customer/ports/trading_charges_port'
import { FIELD_HELP } from '#customer/reference/field_help'
import { CREDIT_INSTRUMENTS } from '#customer/validators/credit_validators'
import { bscCharges } from '#customer/support/bsc_charges'
import {
  REQUIRED_CREDIT_CONTACTS,
  creditContacts,
  creditPosition,
  holdsTradingRole,
} from '#customer/support/credit'
import { today } from '#customer/support/lead_times'
import { presentParty, viewer } from './party_overview.js'

/**
 * The credit page (customer.md §9): lodged cover and its history, what the
 * party owes and on what basis, the Credit Cover Percentage against the
 * dated thresholds, credit default episodes, the 24-hour credit contacts,
 * and the BSC charges accrued and paid.
 */
export async function creditPage(
  user: User,
  party: Party,
  port: SettlementMoneyPort = settlementMoneyPort
) {
  const users = await UserModel.query().where('party_id', party.partyId).orWhereNull('party_id')
  const names = new Map(users.map((u) => [u.id, u.fullName]))
  const nameOf = (id: number | null) => (id === null ? null : (names.get(id) ?? String(id)))
  const movements = await CreditCoverMovement.query()
    .where('party_id', party.partyId)
    .orderBy('id', 'desc')
  const defaults = await CreditDefault.query()
    .where('party_id', party.partyId)
    .orderBy('id', 'desc')
  const payments = await BscChargePayment.query()
    .where('party_id', party.partyId)
    .orderBy('paid_on', 'desc')
  const contacts = await creditContacts(party.partyId)
  return {
    party: presentParty(party),
    viewer: await viewer(user),
    tradingParty: await holdsTradingRole(party.partyId),
    position: await creditPosition(party.partyId, port),
    movements: movements.map((m) => ({
      ...m.serialize(),
      requestedBy: nameOf(m.requestedBy),
      recordedBy: nameOf(m.recordedBy),
    })),
    defaults: defaults.map((d) => d.serialize()),
    creditContacts: contacts.map((c) => ({
      id: c.id,
      fullName: c.fullName,
      email: c.email,
      phone: c.phone,
      jobTitle: c.jobTitle,
    })),
    requiredCreditContacts: REQUIRED_CREDIT_CONTACTS,
    charges: await bscCharges(undefined, party, today()),
    payments: payments.map((p) => ({ ...p.serialize(), recordedBy: nameOf(p.recordedBy) })),
    instruments: CREDIT_INSTRUMENTS,
    help: FIELD_HELP,
  }
}
