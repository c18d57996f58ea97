import db from '@adonisjs/lucid/services/db'
import type { Infer } from '@vinejs/vine/types'
import type User from '#core/auth/user'
import ExitCase from '#customer/models/exit_case'
import { ENTRY, EXIT, assertTransition } from '#customer/journeys/machines'
import { exitBlockers, settlementFacts, type ExitPorts } from '#customer/journeys/exit_conditions'
import { audit } from '#customer/support/audit'
import { applyLeadTime, leadTimeOn, today } from '#customer/support/lead_times'
import { fieldError, fieldErrors, JourneyError } from '#customer/support/journey_error'
import { openTask } from '#customer/support/tasks'
import { partyFor } from '#customer/support/parties'
import { notifyParty } from '#customer/support/notify_party'
import { p414Problems } from '#customer/support/exit_checks'
import { finalCheckAt } from '#customer/support/final_check'
import type { withdrawalNoticeValidator } from '#customer/validators/exit_validators'

/**
 * A Cat A serves the Withdrawal Notice (customer.md §10.2). Standard route:
 * the notice period is a dated parameter with no default (§15): until an
 * operator sets it, no exit is accepted. P414 route: as soon as possible, but
 * a receiving party registered in the same roles takes the liabilities, and a
 * licensed party names the revocation date agreed with Ofgem. The blocking
 * conditions are computed and kept with the case.
 */
export default async function serveWithdrawalNotice(
  actor: User,
  partyId: string,
  input: Infer<typeof withdrawalNoticeValidator>,
  ports?: ExitPorts
) {
  const { withdrawalDate } = input
  const route = {
    route: input.route ?? 'standard',
    receivingPartyId: input.receivingPartyId ?? null,
    licenceRevocationDate: input.licenceRevocationDate ?? null,
  }
  const facts = await settlementFacts(partyId, withdrawalDate, route, ports)
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
    if (route.route === 'p414') {
      if (withdrawalDate <= today())
        fieldError('withdrawalDate', 'The withdrawal date must be after today')
      const problems = await p414Problems(trx, party, route, withdrawalDate)
      if (problems.length) fieldErrors(problems, 'p414')
    } else {
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
    }

    const blockers = await exitBlockers(trx, party.partyId, withdrawalDate, route, facts)
    const exit = await ExitCase.create(
      {
        partyId: party.partyId,
        state: 'NOTICE_SERVED',
        noticeDate: today(),
        withdrawalDate,
        blockers,
        servedBy: actor.id,
        ...route,
      },
      { client: trx }
    )
    const open = blockers.filter((b) => !b.clear)
    const checkOn = finalCheckAt(withdrawalDate)
    await openTask(trx, {
      partyId: party.partyId,
      caseType: 'exit',
      caseId: exit.id,
      kind: 'assess_exit',
      title: `Assess the ${route.route === 'p414' ? 'P414 ' : ''}withdrawal of ${party.name} on ${withdrawalDate}`,
      reason: `${open.length ? `Blocking: ${open.map((b) => `${b.code} (${b.detail})`).join('; ')}` : 'No blocking condition found.'} Final check at ${checkOn.toFormat('yyyy-MM-dd HH:mm')} UK time.`,
      assignee: 'operator',
      dueOn: checkOn.toISODate(),
    })
    await notifyParty(
      trx,
      party.partyId,
      {
        title: 'Withdrawal Notice served',
        body: `Withdrawal date ${withdrawalDate}; ${open.length} blocking condition(s) now; final check ${checkOn.toFormat('yyyy-MM-dd HH:mm')}.`,
        link: `/customer/parties/${party.partyId}/exit`,
      },
      { categoryA: true }
    )
    await audit(trx, actor, {
      action: 'exit.serve_notice',
      subjectType: 'exit_case',
      subjectId: exit.id,
      partyId: party.partyId,
      after: { state: 'NOTICE_SERVED', withdrawalDate, ...route, blockers },
    })
    return exit
  })
}
