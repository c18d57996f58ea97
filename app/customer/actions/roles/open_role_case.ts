import db from '@adonisjs/lucid/services/db'
import type { Infer } from '@vinejs/vine/types'
import type User from '#core/auth/user'
import RoleCase from '#customer/models/role_case'
import { ENTRY, ROLE_CASE, assertTransition } from '#customer/journeys/machines'
import { marketRole } from '#customer/reference/market_roles'
import { audit } from '#customer/support/audit'
import { assertLeadTime } from '#customer/support/lead_times'
import { closeTasks, openTask } from '#customer/support/tasks'
import { partyFor } from '#customer/support/parties'
import { fieldError } from '#customer/support/journey_error'
import type { openRoleCaseValidator } from '#customer/validators/role_validators'

/**
 * E8 / role case DRAFT: a role and its target effective date (≥ the
 * `role_registration` lead time). Roles that register BM Units under a code
 * (Supplier Id, VLP code) fix the party's 4-character participant code here.
 */
export default async function openRoleCase(
  actor: User,
  partyId: string,
  input: Infer<typeof openRoleCaseValidator>
) {
  return db.transaction(async (trx) => {
    const party = await partyFor(actor, partyId, trx)
    assertTransition(ENTRY, 'open_role_case', party.entryState)
    assertTransition(ROLE_CASE, 'open_role_case', null)
    const role = marketRole(input.roleCode)
    const open = await trx
      .from('customer_role_cases')
      .where('party_id', party.partyId)
      .where('role_code', role.code)
      .whereNot('state', 'DEREGISTERED')
      .first()
    if (open) fieldError('roleCode', `A ${role.label} registration already exists (${open.state})`)
    await assertLeadTime(
      'role_registration',
      'targetEffectiveFrom',
      input.targetEffectiveFrom,
      undefined,
      trx
    )

    const before = { entryState: party.entryState, participantCode: party.participantCode }
    if (role.needsParticipantCode && !party.participantCode) {
      if (!input.participantCode)
        fieldError(
          'participantCode',
          `A ${role.label} needs a 4-character participant code (Supplier Id or VLP code)`
        )
      const taken = await trx
        .from('customer_parties')
        .where('participant_code', input.participantCode)
        .first()
      if (taken)
        fieldError('participantCode', `Participant code ${input.participantCode} is already used`)
      party.participantCode = input.participantCode!
    }
    if (party.entryState === 'ACCEDED') party.entryState = 'ROLES_IN_PROGRESS'
    await party.useTransaction(trx).save()

    const roleCase = await RoleCase.create(
      {
        partyId: party.partyId,
        roleCode: role.code,
        state: 'DRAFT',
        targetEffectiveFrom: input.targetEffectiveFrom,
        openedBy: actor.id,
      },
      { client: trx }
    )
    await closeTasks(trx, 'entry', party.partyId, 'choose_roles')
    await openTask(trx, {
      partyId: party.partyId,
      caseType: 'role_case',
      caseId: roleCase.id,
      kind: 'submit_role_case',
      title: `Submit the ${role.label} registration`,
      reason: `A Category A or Category B signatory submits it. Prerequisites: ${role.prerequisites}.`,
      assignee: 'party',
    })
    await audit(trx, actor, {
      action: 'role.open',
      subjectType: 'role_case',
      subjectId: roleCase.id,
      partyId: party.partyId,
      before,
      after: {
        entryState: party.entryState,
        participantCode: party.participantCode,
        roleCode: role.code,
        state: 'DRAFT',
        targetEffectiveFrom: input.targetEffectiveFrom,
      },
    })
    return roleCase
  })
}
