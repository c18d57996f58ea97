import db from '@adonisjs/lucid/services/db'
import type User from '#core/auth/user'
import type Party from '#customer/models/party'
import BankAccount from '#customer/models/bank_account'
import ChangeRequest from '#customer/models/change_request'
import Contact from '#customer/models/contact'
import SignatoryAuthorisation from '#customer/models/signatory_authorisation'
import Invitation from '#customer/models/invitation'
import SignatoryConfirmation from '#customer/models/signatory_confirmation'
import { portalAccessOf } from '#customer/support/signatory_access'
import UserModel from '#core/auth/user'
import { FIELD_HELP } from '#customer/reference/field_help'
import { CONTACT_TYPES } from '#customer/validators/account_validators'
import { mask } from '#customer/support/apply_account_change'
import { today } from '#customer/support/lead_times'
import { partyOverview, presentParty, viewer } from './party_overview.js'

/** Accession, My Account and signatories pages: the same props for the portal and the API. */
function presentBank(account: BankAccount) {
  return {
    id: account.id,
    purpose: account.purpose,
    accountName: account.accountName,
    sortCode: account.sortCode,
    accountNumber: mask(account.accountNumber),
    bankName: account.bankName,
    status: account.status,
  }
}

function presentRequest(request: ChangeRequest, names: Map<number, string>) {
  const change =
    request.subjectType === 'bank_account'
      ? { ...request.change, accountNumber: mask(String(request.change.accountNumber ?? '')) }
      : request.change
  return {
    id: request.id,
    subjectType: request.subjectType,
    subjectId: request.subjectId,
    change,
    before: request.before,
    state: request.state,
    approverCategories: request.approverCategories,
    preparedBy: names.get(request.preparedBy) ?? String(request.preparedBy),
    preparedById: request.preparedBy,
    decidedBy: request.decidedBy
      ? (names.get(request.decidedBy) ?? String(request.decidedBy))
      : null,
    decisionReason: request.decisionReason,
    createdAt: request.createdAt.toISO(),
  }
}

async function userNames(partyId: string) {
  const users = await UserModel.query().where('party_id', partyId).orWhereNull('party_id')
  return new Map(users.map((u) => [u.id, u.fullName]))
}

export async function accountPage(user: User, party: Party) {
  const names = await userNames(party.partyId)
  const contacts = await Contact.query()
    .where('party_id', party.partyId)
    .whereNot('status', 'rejected')
    .orderBy('id')
  const banks = await BankAccount.query()
    .where('party_id', party.partyId)
    .whereNot('status', 'rejected')
    .orderBy('id')
  const requests = await ChangeRequest.query()
    .where('party_id', party.partyId)
    .whereNot('subject_type', 'signatory')
    .orderBy('id', 'desc')
  return {
    party: presentParty(party),
    viewer: await viewer(user),
    contacts: contacts.map((c) => c.serialize()),
    bankAccounts: banks.map(presentBank),
    history: requests.map((r) => presentRequest(r, names)),
    contactTypes: CONTACT_TYPES,
    help: FIELD_HELP,
  }
}

export async function signatoriesPage(user: User, party: Party) {
  const names = await userNames(party.partyId)
  const rows = await SignatoryAuthorisation.query()
    .where('party_id', party.partyId)
    .orderBy('user_id')
    .orderBy('category')
  const requests = await ChangeRequest.query()
    .where('party_id', party.partyId)
    .where('subject_type', 'signatory')
    .orderBy('id', 'desc')
  const invitations = await Invitation.query()
    .where('party_id', party.partyId)
    .orderBy('id', 'desc')
  const confirmations = await SignatoryConfirmation.query()
    .where('party_id', party.partyId)
    .orderBy('id', 'desc')
  const access = await portalAccessOf([...new Set(rows.map((row) => row.userId))])
  const day = today()
  return {
    party: presentParty(party),
    viewer: await viewer(user),
    authorisations: rows.map((row) => ({
      id: row.id,
      userId: row.userId,
      person: names.get(row.userId) ?? String(row.userId),
      category: row.category,
      startDate: row.startDate,
      endDate: row.endDate,
      state: row.endDate && row.endDate < day ? 'ENDED' : row.startDate > day ? 'FUTURE' : 'ACTIVE',
      portalAccess: access.get(row.userId) ?? 'none',
    })),
    confirmations: confirmations.map((c) => ({
      ...c.serialize(),
      addressedTo: c.addressedTo ? (names.get(c.addressedTo) ?? String(c.addressedTo)) : null,
      confirmedBy: c.confirmedBy ? (names.get(c.confirmedBy) ?? String(c.confirmedBy)) : null,
    })),
    requests: requests.map((r) => presentRequest(r, names)),
    invitations: invitations.map((i) => ({
      id: i.id,
      email: i.email,
      fullName: i.fullName,
      portalRole: i.portalRole,
      state: i.state,
      expiresAt: i.expiresAt.toISO(),
    })),
    categories: await db
      .from('customer_authorisation_categories')
      .select('code', 'label')
      .orderBy('code'),
    help: FIELD_HELP,
  }
}

export async function accessionPage(user: User, party: Party) {
  const overview = await partyOverview(user, party)
  const account = await accountPage(user, party)
  const signatories = await signatoriesPage(user, party)
  return {
    ...overview,
    contacts: account.contacts,
    bankAccounts: account.bankAccounts,
    signatoryRequests: signatories.requests,
    contactTypes: CONTACT_TYPES,
    help: FIELD_HELP,
  }
}
