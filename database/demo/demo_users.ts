/**
 * Demo logins for every portal role: one admin and two operators of the BSC
 * company (no party), and for parties of different kinds an assistant and a
 * Category A signatory (customer.md §2.2–2.3). Harbourlight's people follow
 * the worked example of customer.md §12.1. Passwords are printed by the
 * command; nobody has an authenticator yet, so signatories, operators and
 * admins enrol one on first sign-in.
 */
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import User from '#core/auth/user'
import type { Role } from '#core/auth/roles'
import type { DemoParty, PartyKind } from './parties_generator.js'

export interface DemoLogin {
  email: string
  password: string
  fullName: string
  role: Role
  partyId: string | null
  /** BSCP38 categories held from the party's accession date (signatories only) */
  categories: string[]
}

const STAFF_DOMAIN = 'bscco.demo.example'
/** Parties of these kinds (the first of each) get people. */
const STAFFED_KINDS: PartyKind[] = [
  'supplier',
  'integrated',
  'generator',
  'trader',
  'interconnector',
  'vlp',
]
// prettier-ignore
const PEOPLE: [string, string][] = [
  ['Dan Wells', 'Ana Ruiz'], ['Megan Price', 'Ravi Patel'], ['Owen Hughes', 'Fiona Grant'], ['Chloe Martin', 'Samuel Adeyemi'],
  ['Isla Fraser', 'Marek Nowak'], ['Hannah Cole', 'Joseph Evans'],
]

export function demoLogins(parties: DemoParty[]): DemoLogin[] {
  const staff = (role: Role, name: string, local: string): DemoLogin => ({
    email: `${local}@${STAFF_DOMAIN}`,
    password: `demo-bscco-${local}`,
    fullName: name,
    role,
    partyId: null,
    categories: [],
  })
  const logins = [
    staff('admin', 'Alex Morgan', 'admin'),
    staff('operator', 'Grace Holt', 'operator1'),
    staff('operator', 'Nathan Reid', 'operator2'),
  ]
  const staffed = STAFFED_KINDS.map((kind) => parties.find((p) => p.kind === kind)).filter(
    (p) => p !== undefined
  )
  staffed.forEach((party, i) => {
    const [assistant, signatory] = PEOPLE[i]
    const person = (
      fullName: string,
      role: Role,
      suffix: string,
      categories: string[]
    ): DemoLogin => ({
      email: `${fullName.toLowerCase().replace(' ', '.')}@${party.partyId.toLowerCase()}.demo.example`,
      password: `demo-${party.partyId.toLowerCase()}-${suffix}`,
      fullName,
      role,
      partyId: party.partyId,
      categories,
    })
    logins.push(person(assistant, 'assistant', 'assistant', []))
    // The first party's Cat A also holds registrations (B), credit (C) and funds (F), as in customer.md §12.1.
    logins.push(person(signatory, 'signatory', 'signatory', i === 0 ? ['A', 'B', 'C', 'F'] : ['A']))
    if (i === 0) logins.push(person('Tom Okafor', 'signatory', 'credit', ['C']))
  })
  return logins
}

/** Creates the users (the model hashes each password) and their signatory authorisations. */
export async function createDemoUsers(
  trx: TransactionClientContract,
  logins: DemoLogin[],
  parties: DemoParty[],
  createdAt: string
) {
  const accession = new Map(parties.map((p) => [p.partyId, p.accessionDate]))
  let approver: number | null = null
  for (const login of logins) {
    const user = await User.create(
      {
        email: login.email,
        fullName: login.fullName,
        password: login.password,
        role: login.role,
        partyId: login.partyId,
      },
      { client: trx }
    )
    if (login.role === 'operator' && approver === null) approver = user.id
    if (login.categories.length === 0 || !login.partyId) continue
    // The first Cat A is activated by an operator on the Director's Letter (customer.md §6.3).
    await trx
      .insertQuery()
      .table('customer_signatory_authorisations')
      .multiInsert(
        login.categories.map((category) => ({
          party_id: login.partyId,
          user_id: user.id,
          category,
          start_date: accession.get(login.partyId!),
          end_date: null,
          status: 'active',
          proposed_by: null,
          approved_by: approver,
          created_at: createdAt,
        }))
      )
  }
}
