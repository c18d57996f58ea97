import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import type User from '#core/auth/user'
import ExitCase from '#customer/models/exit_case'
import { EXIT, assertTransition } from '#customer/journeys/machines'
import { audit } from '#customer/support/audit'
import { closeTasks } from '#customer/support/tasks'
import { ownedRecord } from '#customer/support/parties'

/** The party's Cat A withdraws its own notice before the operator decides. */
export default async function revokeWithdrawalNotice(actor: User, exitId: number | string) {
  return db.transaction(async (trx) => {
    const exit = await ownedRecord(actor, ExitCase, exitId, trx)
    assertTransition(EXIT, 'revoke_withdrawal_notice', exit.state)
    exit.merge({ state: 'REVOKED', decidedBy: actor.id, decidedAt: DateTime.utc() })
    await exit.useTransaction(trx).save()
    await closeTasks(trx, 'exit', exit.id)
    await audit(trx, actor, {
      action: 'exit.revoke_notice',
      subjectType: 'exit_case',
      subjectId: exit.id,
      partyId: exit.partyId,
      before: { state: 'NOTICE_SERVED' },
      after: { state: 'REVOKED' },
    })
    return exit
  })
}
