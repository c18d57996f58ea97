import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import ExitCase from '#customer/models/exit_case'
import { EXIT, assertTransition } from '#customer/journeys/machines'
import { exitBlockers, settlementFacts, type ExitPorts } from '#customer/journeys/exit_conditions'
import { audit } from '#customer/support/audit'
import { closeTasks } from '#customer/support/tasks'
import { notifyParty } from '#customer/support/notify_party'
import { finalCheckReached } from '#customer/support/final_check'

/**
 * The final check (customer.md §10.1–10.2), run by `customer:daily`: at 17:00
 * two Business Days before the Withdrawal Date, a notice with any blocking
 * condition has no effect (REJECTED) and the party stays bound and charged.
 * A clear notice waits for the operator's confirmation. Returns whether it lapsed.
 */
export default async function lapseWithdrawalNotice(exitId: number, ports?: ExitPorts) {
  const served = await ExitCase.findOrFail(exitId)
  if (served.state !== 'NOTICE_SERVED' || !finalCheckReached(served.withdrawalDate)) return false
  const facts = await settlementFacts(served.partyId, served.withdrawalDate, served, ports)
  return db.transaction(async (trx) => {
    const exit = await ExitCase.query({ client: trx }).where('id', exitId).forUpdate().firstOrFail()
    if (exit.state !== 'NOTICE_SERVED') return false
    const blockers = await exitBlockers(trx, exit.partyId, exit.withdrawalDate, exit, facts)
    const open = blockers.filter((b) => !b.clear)
    if (!open.length) return false
    assertTransition(EXIT, 'lapse_withdrawal_notice', exit.state)
    const reason = `Notice of No Effect: at the final check ${open.map((b) => `${b.code} (${b.detail})`).join('; ')}`
    exit.merge({ state: 'REJECTED', decidedAt: DateTime.utc(), stateReason: reason, blockers })
    await exit.useTransaction(trx).save()
    await closeTasks(trx, 'exit', exit.id)
    await notifyParty(
      trx,
      exit.partyId,
      {
        title: 'Withdrawal Notice of no effect',
        body: reason,
        link: `/customer/parties/${exit.partyId}/exit`,
      },
      { categoryA: true }
    )
    await audit(trx, null, {
      action: 'exit.lapse_notice',
      subjectType: 'exit_case',
      subjectId: exit.id,
      partyId: exit.partyId,
      before: { state: 'NOTICE_SERVED' },
      after: { state: 'REJECTED', reason },
    })
    return true
  })
}
