import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import type User from '#core/auth/user'
import ExitCase from '#customer/models/exit_case'
import Party from '#customer/models/party'
import { ENTRY, EXIT, assertTransition } from '#customer/journeys/machines'
import { exitBlockers } from '#customer/journeys/exit_conditions'
import { audit } from '#customer/support/audit'
import { closeTasks } from '#customer/support/tasks'
import { ownedRecord } from '#customer/support/parties'
import { notifyParty } from '#customer/support/notify_party'
import { JourneyError } from '#customer/support/journey_error'
import { customerEvents } from '#customer/events'

/**
 * The operator confirms the withdrawal, only when every blocking condition is
 * clear now (re-evaluated, not trusted from the notice). Roles, Base BM Units
 * and signatory categories end on the withdrawal date; the Party ID is retired.
 */
export default async function confirmWithdrawal(actor: User, exitId: number | string) {
  const withdrawn = await db.transaction(async (trx) => {
    const exit = await ownedRecord(actor, ExitCase, exitId, trx)
    assertTransition(EXIT, 'confirm_withdrawal', exit.state)
    const party = await Party.query({ client: trx })
      .where('party_id', exit.partyId)
      .forUpdate()
      .firstOrFail()
    assertTransition(ENTRY, 'confirm_withdrawal', party.entryState)
    const blockers = await exitBlockers(trx, exit.partyId, exit.withdrawalDate)
    const open = blockers.filter((b) => !b.clear)
    if (open.length)
      throw new JourneyError(
        `Withdrawal blocked: ${open.map((b) => `${b.code}: ${b.detail}`).join('; ')}`
      )

    const day = exit.withdrawalDate
    await trx
      .from('customer_party_roles')
      .where('party_id', party.partyId)
      .whereNull('effective_to')
      .update({ effective_to: day, status: 'deregistered' })
    await trx
      .from('customer_bm_units')
      .where('party_id', party.partyId)
      .where('status', 'registered')
      .whereNull('effective_to')
      .update({ effective_to: day, status: 'deregistered' })
    await trx
      .from('customer_signatory_authorisations')
      .where('party_id', party.partyId)
      .where('status', 'active')
      .where((q) => q.whereNull('end_date').orWhere('end_date', '>', day))
      .update({ end_date: day })
    const before = { entryState: party.entryState, status: party.status }
    party.merge({ entryState: 'WITHDRAWN', status: 'withdrawn' })
    await party.useTransaction(trx).save()
    exit.merge({ state: 'WITHDRAWN', decidedBy: actor.id, decidedAt: DateTime.utc(), blockers })
    await exit.useTransaction(trx).save()
    await closeTasks(trx, 'exit', exit.id)
    await notifyParty(trx, party.partyId, {
      title: 'Withdrawal confirmed',
      body: `${party.name} leaves the BSC on ${day}.`,
      link: '/customer/exit',
    })
    await audit(trx, actor, {
      action: 'exit.confirm',
      subjectType: 'exit_case',
      subjectId: exit.id,
      partyId: party.partyId,
      before,
      after: { entryState: 'WITHDRAWN', status: 'withdrawn', withdrawalDate: day },
    })
    return exit
  })
  await customerEvents.partyWithdrawn({
    partyId: withdrawn.partyId,
    withdrawalDate: withdrawn.withdrawalDate,
  })
  return withdrawn
}
