import db from '@adonisjs/lucid/services/db'
import type User from '#core/auth/user'
import ExitCase from '#customer/models/exit_case'
import { ENTRY, EXIT, assertTransition } from '#customer/journeys/machines'
import { exitBlockers } from '#customer/journeys/exit_conditions'
import { audit } from '#customer/support/audit'
import { applyLeadTime, leadTimeOn, today } from '#customer/support/lead_times'
import { fieldError, JourneyError } from '#customer/support/journey_error'
import { openTask } from '#customer/support/tasks'
import { partyFor } from '#customer/support/parties'
import { notifyParty } from '#customer/support/notify_party'

/**
 * A Cat A serves the Withdrawal Notice (customer.md §10.2). The notice period
 * is a dated parameter with no default (§15): until an operator sets it, no
 * exit is accepted. The blocking conditions are computed and kept with the case.
 */
export default async function serveWithdrawalNotice(
  actor: User,
  partyId: string,
  withdrawalDate: string
) {
  return db.transaction(async (trx) => {
    const party = await partyFor(actor, partyId, trx)
    assertTransition(ENTRY, 'confirm_withdrawal', party.entryState)
    assertTransition(EXIT, 'serve_withdrawal_notice', null)
    if (
      await trx
        .from('customer_exit_cases')
        .where('party_id', party.partyId)
        .where('state', 'NOTICE_SERVED')
        .first()
    ) {
      throw new JourneyError('A Withdrawal Notice is already open: revoke it first')
    }
    const rule = await leadTimeOn('withdrawal_notice', today(), trx)
    if (!rule)
      throw new JourneyError(
        'Withdrawals cannot be accepted yet: Elexon has not set the withdrawal notice period'
      )
    const earliest = applyLeadTime(rule, today())
    if (withdrawalDate < earliest)
      fieldError(
        'withdrawalDate',
        `The withdrawal date must be on or after ${earliest} (notice period ${rule.value} ${rule.unit.replace('_', ' ')})`,
        'leadTime'
      )

    const blockers = await exitBlockers(trx, party.partyId, withdrawalDate)
    const exit = await ExitCase.create(
      {
        partyId: party.partyId,
        state: 'NOTICE_SERVED',
        noticeDate: today(),
        withdrawalDate,
        blockers,
        servedBy: actor.id,
      },
      { client: trx }
    )
    const open = blockers.filter((b) => !b.clear)
    await openTask(trx, {
      partyId: party.partyId,
      caseType: 'exit',
      caseId: exit.id,
      kind: 'assess_exit',
      title: `Assess the withdrawal of ${party.name} on ${withdrawalDate}`,
      reason: open.length
        ? `Blocking: ${open.map((b) => `${b.code} (${b.detail})`).join('; ')}`
        : 'No blocking condition found: confirm or reject.',
      assignee: 'operator',
    })
    await notifyParty(
      trx,
      party.partyId,
      {
        title: 'Withdrawal Notice served',
        body: `Withdrawal date ${withdrawalDate}; ${open.length} blocking condition(s).`,
        link: '/customer/exit',
      },
      { categoryA: true }
    )
    await audit(trx, actor, {
      action: 'exit.serve_notice',
      subjectType: 'exit_case',
      subjectId: exit.id,
      partyId: party.partyId,
      after: { state: 'NOTICE_SERVED', withdrawalDate, blockers },
    })
    return exit
  })
}
