import type User from '#core/auth/user'
import type Party from '#customer/models/party'
import Task from '#customer/models/task'
import RoleCase from '#customer/models/role_case'
import CustomerDocument from '#customer/models/document'
import { ENTRY } from '#customer/journeys/machines'
import { marketRole } from '#customer/reference/market_roles'
import { activeCategories } from '#customer/support/authority'
import { today } from '#customer/support/lead_times'

/**
 * What a party (and the operator looking at it) needs on its overview: where
 * the entry journey stands, what is left, who must act, why and by when.
 */
export function presentTask(task: Task) {
  return {
    id: task.id,
    caseType: task.caseType,
    caseId: task.caseId,
    kind: task.kind,
    title: task.title,
    reason: task.reason,
    assignee: task.assignee,
    who: task.assignee === 'party' ? 'You' : 'Elexon',
    dueOn: task.dueOn,
    overdue: !!task.dueOn && task.dueOn < today(),
    partyId: task.partyId,
  }
}

export function presentParty(party: Party) {
  return {
    partyId: party.partyId,
    name: party.name,
    status: party.status,
    entryState: party.entryState,
    caseReference: party.caseReference,
    country: party.country,
    registeredNumber: party.registeredNumber,
    vatNumber: party.vatNumber,
    licenceStatus: party.licenceStatus,
    licenceNumber: party.licenceNumber,
    proposedPartyId: party.proposedPartyId,
    participantCode: party.participantCode,
    registeredAddress: party.registeredAddress,
    correspondenceAddress: party.correspondenceAddress,
    invoiceAddress: party.invoiceAddress,
    prospectContactName: party.prospectContactName,
    prospectContactEmail: party.prospectContactEmail,
    intendedRoles: party.intendedRoles ?? [],
    accessionDate: party.accessionDate,
    agreementDatedOn: party.agreementDatedOn,
    agreementDocumentId: party.agreementDocumentId,
    accessionPreparedBy: party.accessionPreparedBy,
    stateReason: party.stateReason,
  }
}

export async function viewer(user: User) {
  return { id: user.id, role: user.role, categories: [...(await activeCategories(user))] }
}

export async function partyOverview(user: User, party: Party) {
  const tasks = await Task.query()
    .where('party_id', party.partyId)
    .where('status', 'open')
    .orderBy('due_on', 'asc')
    .orderBy('id', 'asc')
  const roleCases = await RoleCase.query().where('party_id', party.partyId).orderBy('id', 'asc')
  const agreement = party.agreementDocumentId
    ? await CustomerDocument.find(party.agreementDocumentId)
    : null
  const position = ENTRY.states.indexOf(party.entryState)
  return {
    party: presentParty(party),
    viewer: await viewer(user),
    journey: ENTRY.states
      .filter((s) => !['CLOSED', 'WITHDRAWN'].includes(s))
      .map((state, i) => ({ state, done: position > i, current: state === party.entryState })),
    availableTransitions: ENTRY.transitions
      .filter((t) => t.from.includes(party.entryState))
      .map((t) => ({ name: t.name, actors: t.actors })),
    tasks: tasks.map(presentTask),
    roleCases: roleCases.map((c) => ({
      id: c.id,
      roleCode: c.roleCode,
      label: marketRole(c.roleCode).label,
      state: c.state,
      targetEffectiveFrom: c.targetEffectiveFrom,
    })),
    agreement: agreement
      ? {
          id: agreement.id,
          fileName: agreement.fileName,
          sizeBytes: agreement.sizeBytes,
          sha256: agreement.sha256,
        }
      : null,
  }
}
