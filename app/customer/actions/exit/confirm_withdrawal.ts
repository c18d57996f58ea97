import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import type User from '#core/auth/user'
import ExitCase from '#customer/models/exit_case'
import Party from '#customer/models/party'
import { ENTRY, EXIT, assertTransition } from '#customer/journeys/machines'
import { exitBlockers, settlementFacts, type ExitPorts } from '#customer/journeys/exit_conditions'
import { audit } from '#customer/support/audit'
import { closeTasks } from '#customer/support/tasks'
import { ownedRecord } from '#customer/support/parties'
import { notifyParty } from '#customer/support/notify_party'
import { dayBefore } from '#customer/support/exit_checks'
import { finalCheckAt, finalCheckReached } from '#customer/support/final_check'
import { fieldError, JourneyError } from '#customer/support/journey_error'
import { customerEvents } from '#customer/events'
import endPortalAccess from './end_portal_access.js'

/**
 * FINAL_CHECK → WITHDRAWN (customer.md §10.2): the operator confirms from the
 * final check (17:00, two Business Days before the Withdrawal Date), only when
 * every blocking condition is clear now (re-evaluated, not trusted from the
 * notice). Roles, Base BM Units and signatory categories end the day before
 * the Withdrawal Date; portal access ends on it; the Party ID is retired.
 */
export default async function confirmWithdrawal(
  actor: User,
  exitId: number | string,
  transferReference: string | null = null,
  ports?: ExitPorts
) {
  const served = await ownedRecord(actor, ExitCase, exitId)
  const facts = await settlementFacts(served.partyId, served.withdrawalDate, served, ports)
  const withdrawn = await db.transaction(async (trx) => {
    const exit = await ExitCase.query({ client: trx })
      .where('id', served.id)
      .forUpdate()
      .firstOrFail()
    assertTransition(EXIT, 'confirm_withdrawal', exit.state)
    const party = await Party.query({ client: trx })
      .where('party_id', exit.partyId)
      .forUpdate()
      .firstOrFail()
    assertTransition(ENTRY, 'confirm_withdrawal', party.entryState)
    if (!finalCheckReached(exit.withdrawalDate))
      throw new JourneyError(
        `The final check is at ${finalCheckAt(exit.withdrawalDate).toFormat('yyyy-MM-dd HH:mm')} UK time: confirm from then`
      )
    if (exit.route === 'p414' && !transferReference)
      fieldError('transferReference', 'Name the agreement that moved the liabilities (P414)')
    const blockers = await exitBlockers(trx, exit.partyId, exit.withdrawalDate, exit, facts)
    const open = blockers.filter((b) => !b.clear)
    if (open.length)
      throw new JourneyError(
        `Withdrawal blocked: ${open.map((b) => `${b.code}: ${b.detail}`).join('; ')}`
      )

    const last = dayBefore(exit.withdrawalDate)
    const openAfter = (q: any) =>
      q.where((w: any) => w.whereNull('effective_to').orWhere('effective_to', '>', last))
    await openAfter(trx.from('customer_party_roles').where('party_id', party.partyId)).update({
      effective_to: last,
      status: 'deregistered',
    })
    await openAfter(
      trx.from('customer_bm_units').where('party_id', party.partyId).where('status', 'registered')
    ).update({ effective_to: last, status: 'deregistered' })
    await trx
      .from('customer_signatory_authorisations')
      .where('party_id', party.partyId)
      .where('status', 'active')
      .where((q) => q.whereNull('end_date').orWhere('end_date', '>', last))
      .update({ end_date: last })
    const before = { entryState: party.entryState, status: party.status }
    party.merge({ entryState: 'WITHDRAWN', status: 'withdrawn' })
    await party.useTransaction(trx).save()
    exit.merge({
      state: 'WITHDRAWN',
      decidedBy: actor.id,
      decidedAt: DateTime.utc(),
      blockers,
      transferReference,
    })
    await exit.useTransaction(trx).save()
    await closeTasks(trx, 'exit', exit.id)
    await notifyParty(trx, party.partyId, {
      title: 'Withdrawal confirmed',
      body: `${party.name} leaves the BSC on ${exit.withdrawalDate}; portal access ends that day.`,
      link: `/customer/parties/${party.partyId}/exit`,
    })
    await audit(trx, actor, {
      action: 'exit.confirm',
      subjectType: 'exit_case',
      subjectId: exit.id,
      partyId: party.partyId,
      before,
      after: {
        entryState: 'WITHDRAWN',
        status: 'withdrawn',
        withdrawalDate: exit.withdrawalDate,
        route: exit.route,
        receivingPartyId: exit.receivingPartyId,
        transferReference,
      },
    })
    return exit
  })
  await endPortalAccess(withdrawn.partyId)
  await customerEvents.partyWithdrawn({
    partyId: withdrawn.partyId,
    withdrawalDate: withdrawn.withdrawalDate,
    route: withdrawn.route,
    receivingPartyId: withdrawn.receivingPartyId,
  })
  return withdrawn
}
