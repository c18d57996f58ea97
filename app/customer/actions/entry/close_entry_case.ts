import db from '@adonisjs/lucid/services/db'
import type User from '#core/auth/user'
import { ENTRY, assertTransition } from '#customer/journeys/machines'
import { audit } from '#customer/support/audit'
import { partyFor } from '#customer/support/parties'

/** E10: the operator closes a prospect's case (rejected, withdrawn or silent), with the reason. */
export default async function closeEntryCase(actor: User, partyId: string, reason: string) {
  return db.transaction(async (trx) => {
    const party = await partyFor(actor, partyId, trx)
    assertTransition(ENTRY, 'close_entry_case', party.entryState)
    const before = party.entryState
    party.merge({ entryState: 'CLOSED', status: 'closed', stateReason: reason })
    await party.useTransaction(trx).save()
    await trx
      .from('customer_tasks')
      .where('party_id', party.partyId)
      .where('status', 'open')
      .update({ status: 'done', completed_at: new Date().toISOString() })
    await trx
      .from('customer_invitations')
      .where('party_id', party.partyId)
      .where('state', 'INVITED')
      .update({ state: 'REVOKED' })
    await audit(trx, actor, {
      action: 'entry.close_entry_case',
      subjectType: 'party',
      subjectId: party.partyId,
      partyId: party.partyId,
      before: { entryState: before },
      after: { entryState: 'CLOSED', reason },
    })
    return party
  })
}
