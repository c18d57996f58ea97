import db from '@adonisjs/lucid/services/db'
import type User from '#core/auth/user'
import { ENTRY, assertTransition } from '#customer/journeys/machines'
import { audit } from '#customer/support/audit'
import { closeTasks } from '#customer/support/tasks'
import { partyFor } from '#customer/support/parties'
import { notifyParty } from '#customer/support/notify_party'
import { today } from '#customer/support/lead_times'
import { JourneyError } from '#customer/support/journey_error'

/** E9: the operator flags the party active once one of its registered roles is effective (customer.md §3.2 go-live). */
export default async function goLive(actor: User, partyId: string) {
  return db.transaction(async (trx) => {
    const party = await partyFor(actor, partyId, trx)
    assertTransition(ENTRY, 'go_live', party.entryState)
    const effective = await trx
      .from('customer_party_roles')
      .where('party_id', party.partyId)
      .where('status', 'registered')
      .where('effective_from', '<=', today())
      .first()
    if (!effective) throw new JourneyError('No registered role of this party is effective yet')
    party.merge({ entryState: 'ACTIVE', status: 'active' })
    await party.useTransaction(trx).save()
    await closeTasks(trx, 'entry', party.partyId, 'go_live')
    await notifyParty(trx, party.partyId, {
      title: 'You are live',
      body: `${party.name} is now an active participant (${effective.role_code} from ${effective.effective_from}).`,
      link: '/customer',
    })
    await audit(trx, actor, {
      action: 'entry.go_live',
      subjectType: 'party',
      subjectId: party.partyId,
      partyId: party.partyId,
      before: { entryState: 'ROLES_IN_PROGRESS' },
      after: { entryState: 'ACTIVE', status: 'active' },
    })
    return party
  })
}
