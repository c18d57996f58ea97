import db from '@adonisjs/lucid/services/db'
import type User from '#core/auth/user'
import BmUnit from '#customer/models/bm_unit'
import { BM_UNIT, assertTransition } from '#customer/journeys/machines'
import { audit } from '#customer/support/audit'
import { ownedRecord } from '#customer/support/parties'
import { closeTasks, openTask } from '#customer/support/tasks'
import { notifyParty } from '#customer/support/notify_party'
import { JourneyError } from '#customer/support/journey_error'
import { needsNetso } from '#customer/support/bm_unit_registration'

/**
 * SUBMITTED → AWAITING_NETSO (customer.md §7.5): the CRA has validated a
 * Primary unit with FPN flag Y; it is registered once Elexon records the
 * party's agreement with the NETSO.
 */
export default async function referBmUnitToNetso(actor: User, versionId: number | string) {
  return db.transaction(async (trx) => {
    const unit = await ownedRecord(actor, BmUnit, versionId, trx)
    assertTransition(BM_UNIT, 'refer_bm_unit_to_netso', unit.status.toUpperCase())
    if (!needsNetso(unit))
      throw new JourneyError('Only a Primary BM Unit with FPN flag Y waits for the NETSO')
    unit.status = 'awaiting_netso'
    await unit.useTransaction(trx).save()
    await closeTasks(trx, 'bm_unit', unit.id)
    await openTask(trx, {
      partyId: unit.partyId,
      caseType: 'bm_unit',
      caseId: unit.id,
      kind: 'record_netso_agreement',
      title: `Record the NETSO agreement for ${unit.bmUnitId}`,
      reason: `The registration is valid; ${unit.bmUnitId} (NETSO id ${unit.ngcBmUnitId ?? '—'}) is registered once the NETSO confirms the party's obligations.`,
      assignee: 'operator',
      leadTime: 'accession_check',
    })
    await notifyParty(trx, unit.partyId, {
      title: `BM Unit ${unit.bmUnitId} awaits the NETSO`,
      body: 'Elexon validated the registration and now records your agreement with the NETSO.',
      link: `/customer/parties/${unit.partyId}/assets`,
    })
    await audit(trx, actor, {
      action: 'bm_unit.refer_to_netso',
      subjectType: 'bm_unit',
      subjectId: unit.id,
      partyId: unit.partyId,
      before: { status: 'submitted' },
      after: { status: 'awaiting_netso' },
    })
    return unit
  })
}
