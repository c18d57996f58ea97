import db from '@adonisjs/lucid/services/db'
import type User from '#core/auth/user'
import RoleCase from '#customer/models/role_case'
import { ROLE_CASE, assertTransition } from '#customer/journeys/machines'
import { marketRole } from '#customer/reference/market_roles'
import { audit } from '#customer/support/audit'
import { assertLeadTime } from '#customer/support/lead_times'
import { categoryAHolders } from '#customer/support/authority'
import { closeTasks, openTask } from '#customer/support/tasks'
import { ownedRecord } from '#customer/support/parties'
import { JourneyError } from '#customer/support/journey_error'

/** DRAFT → SUBMITTED (customer.md §5.2): needs a Cat A, an approved contact and a date outside the lead time. */
export default async function submitRoleCase(actor: User, roleCaseId: number | string) {
  return db.transaction(async (trx) => {
    const roleCase = await ownedRecord(actor, RoleCase, roleCaseId, trx)
    assertTransition(ROLE_CASE, 'submit_role_case', roleCase.state)
    const holders = await categoryAHolders(roleCase.partyId, undefined, trx)
    if (holders.length === 0) throw new JourneyError('The party has no active Category A signatory')
    const contact = await trx
      .from('customer_contacts')
      .where('party_id', roleCase.partyId)
      .where('status', 'approved')
      .first()
    if (!contact)
      throw new JourneyError(
        'Add and approve at least one contact before submitting a role registration'
      )
    await assertLeadTime(
      'role_registration',
      'targetEffectiveFrom',
      roleCase.targetEffectiveFrom,
      undefined,
      trx
    )

    roleCase.merge({ state: 'SUBMITTED', submittedBy: actor.id, stateReason: null })
    await roleCase.useTransaction(trx).save()
    await closeTasks(trx, 'role_case', roleCase.id)
    await openTask(trx, {
      partyId: roleCase.partyId,
      caseType: 'role_case',
      caseId: roleCase.id,
      kind: 'start_qualification',
      title: `Start qualification: ${marketRole(roleCase.roleCode).label}`,
      reason: `Open the ${marketRole(roleCase.roleCode).qualifications.join(' and ')} qualification sub-cases.`,
      assignee: 'operator',
      leadTime: 'accession_check',
    })
    await audit(trx, actor, {
      action: 'role.submit',
      subjectType: 'role_case',
      subjectId: roleCase.id,
      partyId: roleCase.partyId,
      before: { state: 'DRAFT' },
      after: { state: 'SUBMITTED' },
    })
    return roleCase
  })
}
