import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { recordAudit } from '#core/audit/audit_log'
import type User from '#core/auth/user'
import { customerEvents } from '#customer/events'

/**
 * Every customer transition leaves an audit entry (before/after, inside the
 * action's transaction) and announces itself as `customer:transition` once
 * that transaction has committed, so a rolled-back change is never announced.
 */
export async function audit(
  trx: TransactionClientContract | undefined,
  actor: User | null,
  entry: {
    action: string
    subjectType: string
    subjectId: string | number
    partyId: string | null
    before?: unknown
    after?: unknown
  }
) {
  const action = `customer.${entry.action}`
  await recordAudit(
    {
      actor: actor ? { id: actor.id, email: actor.email } : { id: null, label: 'system' },
      ...entry,
      action,
    },
    { client: trx }
  )
  if (entry.action === 'denied') return
  const announce = () =>
    customerEvents.transition({
      action,
      subjectType: entry.subjectType,
      subjectId: String(entry.subjectId),
      partyId: entry.partyId,
      actorUserId: actor?.id ?? null,
      before: entry.before ?? null,
      after: entry.after ?? null,
    })
  if (trx) trx.after('commit', announce)
  else await announce()
}
