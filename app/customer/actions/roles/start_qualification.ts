import db from '@adonisjs/lucid/services/db'
import type User from '#core/auth/user'
import RoleCase from '#customer/models/role_case'
import QualificationCase from '#customer/models/qualification_case'
import { ROLE_CASE, assertTransition } from '#customer/journeys/machines'
import { QUALIFICATION_FLOWS, marketRole } from '#customer/reference/market_roles'
import { audit } from '#customer/support/audit'
import { dueDate } from '#customer/support/lead_times'
import { closeTasks, openTask } from '#customer/support/tasks'
import { ownedRecord } from '#customer/support/parties'

/**
 * SUBMITTED → QUALIFYING: opens the sub-cases the role needs (customer.md
 * §5.1, §5.3). CVA tests are booked for the first slot the `cva_test_booking`
 * lead time allows.
 */
export default async function startQualification(actor: User, roleCaseId: number | string) {
  return db.transaction(async (trx) => {
    const roleCase = await ownedRecord(actor, RoleCase, roleCaseId, trx)
    assertTransition(ROLE_CASE, 'start_qualification', roleCase.state)
    const role = marketRole(roleCase.roleCode)
    const firstTestOn = await dueDate('cva_test_booking', undefined, trx)
    for (const kind of role.qualifications) {
      const sub = await QualificationCase.create(
        {
          roleCaseId: roleCase.id,
          partyId: roleCase.partyId,
          kind,
          state: QUALIFICATION_FLOWS[kind].first,
          firstTestOn: kind === 'CVA' ? firstTestOn : null,
        },
        { client: trx }
      )
      await openTask(trx, {
        partyId: roleCase.partyId,
        caseType: 'qualification',
        caseId: sub.id,
        kind: `qualify_${kind.toLowerCase()}`,
        title: `${kind} qualification: ${role.label}`,
        reason:
          kind === 'SVA'
            ? 'Planning meeting, then the party completes and submits its Self-Assessment Document.'
            : `Run the ${kind} assessment and record the result.`,
        assignee: 'operator',
      })
    }
    roleCase.state = 'QUALIFYING'
    await roleCase.useTransaction(trx).save()
    await closeTasks(trx, 'role_case', roleCase.id, 'start_qualification')
    await audit(trx, actor, {
      action: 'role.start_qualification',
      subjectType: 'role_case',
      subjectId: roleCase.id,
      partyId: roleCase.partyId,
      before: { state: 'SUBMITTED' },
      after: { state: 'QUALIFYING', qualifications: role.qualifications, firstTestOn },
    })
    return roleCase
  })
}
