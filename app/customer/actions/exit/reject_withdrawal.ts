import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import type User from '#core/auth/user'
import ExitCase from '#customer/models/exit_case'
import { EXIT, assertTransition } from '#customer/journeys/machines'
import { audit } from '#customer/support/audit'
import { closeTasks } from '#customer/support/tasks'
import { ownedRecord } from '#customer/support/parties'
import { notifyParty } from '#customer/support/notify_party'

/** The operator rejects the notice with a reason; the party stays bound (Notice of No Effect). */
export default async function rejectWithdrawal(
  actor: User,
  exitId: number | string,
  reason: string
) {
  return db.transaction(async (trx) => {
    const exit = await ownedRecord(actor, ExitCase, exitId, trx)
    assertTransition(EXIT, 'reject_withdrawal', exit.state)
    exit.merge({
      state: 'REJECTED',
      decidedBy: actor.id,
      decidedAt: DateTime.utc(),
      stateReason: reason,
    })
    await exit.useTransaction(trx).save()
    await closeTasks(trx, 'exit', exit.id)
    await notifyParty(
      trx,
      exit.partyId,
      { title: 'Withdrawal Notice of no effect', body: reason, link: '/customer/exit' },
      { categoryA: true }
    )
    await audit(trx, actor, {
      action: 'exit.reject',
      subjectType: 'exit_case',
      subjectId: exit.id,
      partyId: exit.partyId,
      before: { state: 'NOTICE_SERVED' },
      after: { state: 'REJECTED', reason },
    })
    return exit
  })
}
