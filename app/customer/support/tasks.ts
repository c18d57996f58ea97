import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import Task from '#customer/models/task'
import { dueDate, type LeadTimeKind } from './lead_times.js'
import { DateTime } from 'luxon'

/**
 * The work items a transition creates (customer.md §3.2): "your tasks" for the
 * party, the work queue for the operator. Each names who must act and why.
 */
export async function openTask(
  trx: TransactionClientContract,
  task: {
    partyId: string | null
    caseType: string
    caseId: string | number
    kind: string
    title: string
    reason: string
    assignee: 'party' | 'operator'
    leadTime?: LeadTimeKind
    dueOn?: string | null
  }
) {
  return Task.create(
    {
      partyId: task.partyId,
      caseType: task.caseType,
      caseId: String(task.caseId),
      kind: task.kind,
      title: task.title,
      reason: task.reason,
      assignee: task.assignee,
      dueOn: task.leadTime ? await dueDate(task.leadTime, undefined, trx) : (task.dueOn ?? null),
      status: 'open',
    },
    { client: trx }
  )
}

/** Marks every open task of a case done (optionally only of one kind). */
export async function closeTasks(
  trx: TransactionClientContract,
  caseType: string,
  caseId: string | number,
  kind?: string
) {
  const query = trx
    .from('customer_tasks')
    .where('case_type', caseType)
    .where('case_id', String(caseId))
    .where('status', 'open')
  if (kind) query.where('kind', kind)
  await query.update({ status: 'done', completed_at: DateTime.utc().toISO() })
}
