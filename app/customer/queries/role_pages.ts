import type User from '#core/auth/user'
import type Party from '#customer/models/party'
import EnergyAccount from '#customer/models/energy_account'
import PartyRole from '#customer/models/party_role'
import QualificationCase from '#customer/models/qualification_case'
import RoleCase from '#customer/models/role_case'
import {
  MARKET_ROLES,
  QUALIFICATION_FLOWS,
  marketRole,
  type QualificationKind,
} from '#customer/reference/market_roles'
import { FIELD_HELP } from '#customer/reference/field_help'
import { presentParty, viewer } from './party_overview.js'

/** The roles page: routes on offer, the party's role cases and their qualification sub-cases. */
export async function rolesPage(user: User, party: Party) {
  const cases = await RoleCase.query().where('party_id', party.partyId).orderBy('id')
  const subs = await QualificationCase.query().where('party_id', party.partyId).orderBy('id')
  const registered = await PartyRole.query().where('party_id', party.partyId).orderBy('id')
  const accounts = await EnergyAccount.query()
    .where('party_id', party.partyId)
    .orderBy('account_id')
  return {
    party: presentParty(party),
    viewer: await viewer(user),
    routes: MARKET_ROLES.map((role) => ({
      code: role.code,
      label: role.label,
      qualifications: role.qualifications,
      prerequisites: role.prerequisites,
      needsParticipantCode: role.needsParticipantCode,
    })),
    roleCases: cases.map((c) => ({
      id: c.id,
      roleCode: c.roleCode,
      label: marketRole(c.roleCode).label,
      state: c.state,
      targetEffectiveFrom: c.targetEffectiveFrom,
      stateReason: c.stateReason,
      qualifications: subs
        .filter((s) => s.roleCaseId === c.id)
        .map((s) => {
          const flow = QUALIFICATION_FLOWS[s.kind as QualificationKind]
          return {
            id: s.id,
            kind: s.kind,
            state: s.state,
            firstTestOn: s.firstTestOn,
            stateReason: s.stateReason,
            next: flow.next[s.state] ?? [],
            partySteps: flow.partySteps,
            passed: s.state === flow.passed,
          }
        }),
    })),
    registeredRoles: registered.map((r) => ({
      roleCode: r.roleCode,
      status: r.status,
      effectiveFrom: r.effectiveFrom,
      effectiveTo: r.effectiveTo,
    })),
    energyAccounts: accounts.map((a) => ({ accountId: a.accountId, accountType: a.accountType })),
    help: FIELD_HELP,
  }
}
