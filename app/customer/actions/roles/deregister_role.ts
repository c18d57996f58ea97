import db from '@adonisjs/lucid/services/db'
import type User from '#core/auth/user'
import BmUnit from '#customer/models/bm_unit'
import Party from '#customer/models/party'
import RoleCase from '#customer/models/role_case'
import { ROLE_CASE, assertTransition } from '#customer/journeys/machines'
import { audit } from '#customer/support/audit'
import { ownedRecord } from '#customer/support/parties'
import { today } from '#customer/support/lead_times'
import { JourneyError } from '#customer/support/journey_error'
import { bmUnitPayload, customerEvents } from '#customer/events'

/**
 * REGISTERED → DEREGISTERED: only when no assets remain in the role (Base
 * BM Units excepted: they leave with the Supplier Id, customer.md §7.5 rule 6).
 */
export default async function deregisterRole(actor: User, roleCaseId: number | string) {
  const result = await db.transaction(async (trx) => {
    const roleCase = await ownedRecord(actor, RoleCase, roleCaseId, trx)
    assertTransition(ROLE_CASE, 'deregister_role', roleCase.state)
    const day = today()
    const live = await trx
      .from('customer_bm_units')
      .where('party_id', roleCase.partyId)
      .where('status', 'registered')
      .where('is_base', false)
      .where((q) => q.whereNull('effective_to').orWhere('effective_to', '>=', day))
      .count('* as total')
      .first()
    if (Number(live?.total ?? 0) > 0)
      throw new JourneyError(
        `${live!.total} BM Unit(s) are still registered: deregister them first`
      )
    await trx
      .from('customer_party_roles')
      .where('party_id', roleCase.partyId)
      .where('role_code', roleCase.roleCode)
      .whereNull('effective_to')
      .update({ effective_to: day, status: 'deregistered' })
    const ended: BmUnit[] = []
    if (roleCase.roleCode === 'SUPPLIER') {
      const bases = await BmUnit.query({ client: trx })
        .where('party_id', roleCase.partyId)
        .where('is_base', true)
        .whereNull('effective_to')
      for (const unit of bases) {
        unit.merge({ effectiveTo: day, status: 'deregistered' })
        await unit.useTransaction(trx).save()
        ended.push(unit)
      }
    }
    roleCase.state = 'DEREGISTERED'
    await roleCase.useTransaction(trx).save()
    await audit(trx, actor, {
      action: 'role.deregister',
      subjectType: 'role_case',
      subjectId: roleCase.id,
      partyId: roleCase.partyId,
      before: { state: 'REGISTERED' },
      after: { state: 'DEREGISTERED', effectiveTo: day },
    })
    const party = await Party.query({ client: trx })
      .where('party_id', roleCase.partyId)
      .firstOrFail()
    return { ended, party }
  })
  for (const unit of result.ended) {
    await customerEvents.bmUnitChanged({
      ...bmUnitPayload(unit, result.party),
      change: 'deregistered',
      previousEffectiveTo: unit.effectiveTo,
    })
  }
}
