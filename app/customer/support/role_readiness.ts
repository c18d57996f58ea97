import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import QualificationCase from '#customer/models/qualification_case'
import RoleCase from '#customer/models/role_case'
import { ROLE_CASE, assertTransition } from '#customer/journeys/machines'
import {
  QUALIFICATION_FLOWS,
  marketRole,
  type QualificationKind,
} from '#customer/reference/market_roles'
import { audit } from './audit.js'
import { REQUIRED_CREDIT_CONTACTS, creditContacts, lodgedCoverPence } from './credit.js'
import { closeTasks, openTask } from './tasks.js'

/**
 * QUALIFYING → READY_TO_REGISTER (customer.md §5.2), a system transition:
 * every qualification sub-case has passed and, for a role that trades,
 * Credit Cover is lodged (> 0) and two 24-hour credit contacts are named
 * (§4.2, §9). Re-tried whenever one of those changes; what is missing becomes
 * a task for the party.
 */
interface Gap {
  kind: 'lodge_credit_cover' | 'credit_contacts'
  title: string
  reason: string
}

export async function readinessGaps(trx: TransactionClientContract, roleCase: RoleCase) {
  const role = marketRole(roleCase.roleCode)
  const gaps: Gap[] = []
  if (!role.trading) return gaps
  if ((await lodgedCoverPence(roleCase.partyId, undefined, trx)) <= 0) {
    gaps.push({
      kind: 'lodge_credit_cover',
      title: 'Lodge Credit Cover',
      reason: `The ${role.label} role trades: lodge Credit Cover with Elexon (cash or a letter of credit) before it can be registered.`,
    })
  }
  const contacts = await creditContacts(roleCase.partyId, trx)
  if (contacts.length < REQUIRED_CREDIT_CONTACTS) {
    gaps.push({
      kind: 'credit_contacts',
      title: 'Name two 24-hour credit contacts',
      reason: `A Category A or C signatory completes the credit default contacts form (${contacts.length} of ${REQUIRED_CREDIT_CONTACTS} named).`,
    })
  }
  return gaps
}

export async function promoteReadyRoleCases(trx: TransactionClientContract, partyId: string) {
  const cases = await RoleCase.query({ client: trx })
    .where('party_id', partyId)
    .where('state', 'QUALIFYING')
    .forUpdate()
  const promoted: RoleCase[] = []
  for (const roleCase of cases) {
    const subs = await QualificationCase.query({ client: trx }).where('role_case_id', roleCase.id)
    const passed = subs.every(
      (s) => s.state === QUALIFICATION_FLOWS[s.kind as QualificationKind].passed
    )
    if (!passed) continue
    const gaps = await readinessGaps(trx, roleCase)
    for (const gap of gaps) {
      const open = await trx
        .from('customer_tasks')
        .where({ case_type: 'role_case', case_id: String(roleCase.id), kind: gap.kind })
        .where('status', 'open')
        .first()
      if (!open)
        await openTask(trx, {
          partyId,
          caseType: 'role_case',
          caseId: roleCase.id,
          ...gap,
          assignee: 'party',
        })
    }
    if (gaps.length) continue

    assertTransition(ROLE_CASE, 'advance_qualification', roleCase.state)
    roleCase.state = 'READY_TO_REGISTER'
    await roleCase.useTransaction(trx).save()
    await closeTasks(trx, 'role_case', roleCase.id, 'lodge_credit_cover')
    await closeTasks(trx, 'role_case', roleCase.id, 'credit_contacts')
    await openTask(trx, {
      partyId,
      caseType: 'role_case',
      caseId: roleCase.id,
      kind: 'register_role',
      title: `Register the ${marketRole(roleCase.roleCode).label} role`,
      reason: `Every qualification passed; register it at least 3 working days before ${roleCase.targetEffectiveFrom}.`,
      assignee: 'operator',
    })
    await audit(trx, null, {
      action: 'role.ready_to_register',
      subjectType: 'role_case',
      subjectId: roleCase.id,
      partyId,
      before: { state: 'QUALIFYING' },
      after: { state: 'READY_TO_REGISTER' },
    })
    promoted.push(roleCase)
  }
  return promoted
}
