import db from '@adonisjs/lucid/services/db'
import type User from '#core/auth/user'
import RoleCase from '#customer/models/role_case'
import { ROLE_CASE, assertTransition } from '#customer/journeys/machines'
import { audit } from '#customer/support/audit'
import { closeTasks, openTask } from '#customer/support/tasks'
import { ownedRecord } from '#customer/support/parties'
import { notifyParty } from '#customer/support/notify_party'

/** The operator sends a role case back to the party (reason required); its qualification sub-cases are closed. */
export default async function returnRoleCase(
  actor: User,
  roleCaseId: number | string,
  reason: string
) {
  return db.transaction(async (trx) => {
    const roleCase = await ownedRecord(actor, RoleCase, roleCaseId, trx)
    assertTransition(ROLE_CASE, 'return_role_case', roleCase.state)
    const before = { state: roleCase.state }
    const subs = await trx
      .from('customer_qualification_cases')
      .where('role_case_id', roleCase.id)
      .select('id')
    const subIds = subs.map((row: any) => row.id)
    for (const id of subIds) await closeTasks(trx, 'qualification', id)
    await trx.from('customer_qualification_cases').where('role_case_id', roleCase.id).delete()
    roleCase.merge({ state: 'DRAFT', stateReason: reason })
    await roleCase.useTransaction(trx).save()
    await closeTasks(trx, 'role_case', roleCase.id)
    await openTask(trx, {
      partyId: roleCase.partyId,
      caseType: 'role_case',
      caseId: roleCase.id,
      kind: 'submit_role_case',
      title: 'Rework and resubmit the role registration',
      reason: `Returned by Elexon: ${reason}`,
      assignee: 'party',
    })
    await notifyParty(trx, roleCase.partyId, {
      title: 'Role registration returned',
      body: reason,
      link: '/customer/roles',
    })
    await audit(trx, actor, {
      action: 'role.return',
      subjectType: 'role_case',
      subjectId: roleCase.id,
      partyId: roleCase.partyId,
      before,
      after: { state: 'DRAFT', reason, closedQualifications: subIds },
    })
    return roleCase
  })
}
