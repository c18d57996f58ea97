import db from '@adonisjs/lucid/services/db'
import Task from '#customer/models/task'
import { presentTask } from './party_overview.js'

/**
 * The operator's work queue (customer.md §3.2): open tasks with their due
 * dates, the state of the case each belongs to, filterable by case type,
 * case state, party and overdue.
 */
export interface QueueFilters {
  type?: string
  state?: string
  party?: string
  overdue?: boolean
  assignee?: 'operator' | 'party' | 'all'
}

const CASE_STATES: Record<string, { table: string; key: string; state: string }> = {
  entry: { table: 'customer_parties', key: 'party_id', state: 'entry_state' },
  role_case: { table: 'customer_role_cases', key: 'id', state: 'state' },
  qualification: { table: 'customer_qualification_cases', key: 'id', state: 'state' },
  signatory: { table: 'customer_change_requests', key: 'id', state: 'state' },
  change_request: { table: 'customer_change_requests', key: 'id', state: 'state' },
  bm_unit: { table: 'customer_bm_units', key: 'id', state: 'status' },
  asset_metering_system: { table: 'customer_asset_metering_systems', key: 'id', state: 'state' },
  credit_cover: { table: 'customer_credit_cover_movements', key: 'id', state: 'state' },
  credit_default: { table: 'customer_credit_defaults', key: 'id', state: 'state' },
  signatory_confirmation: { table: 'customer_signatory_confirmations', key: 'id', state: 'state' },
  exit: { table: 'customer_exit_cases', key: 'id', state: 'state' },
}

export async function workQueue(filters: QueueFilters) {
  const query = Task.query()
    .where('status', 'open')
    .orderByRaw('due_on is null')
    .orderBy('due_on', 'asc')
    .orderBy('id', 'asc')
  if ((filters.assignee ?? 'operator') !== 'all')
    query.where('assignee', filters.assignee ?? 'operator')
  if (filters.type) query.where('case_type', filters.type)
  if (filters.party) query.where('party_id', filters.party.toUpperCase())
  const rows = await query.limit(1000)
  const tasks = rows.map(presentTask)

  const states = new Map<string, string>()
  for (const [caseType, source] of Object.entries(CASE_STATES)) {
    const ids = tasks.filter((t) => t.caseType === caseType).map((t) => t.caseId)
    if (!ids.length) continue
    const keys = source.key === 'id' ? ids.map(Number) : ids
    for (const row of await db
      .from(source.table)
      .whereIn(source.key, keys)
      .select(`${source.key} as case_key`, `${source.state} as case_state`)) {
      states.set(`${caseType}:${row.case_key}`, String(row.case_state).toUpperCase())
    }
  }
  const partyIds = [...new Set(tasks.map((t) => t.partyId).filter(Boolean))] as string[]
  const names = await db
    .from('customer_parties')
    .whereIn('party_id', partyIds)
    .select('party_id', 'name')
  const parties = new Map(names.map((p: any) => [p.party_id, p.name]))
  return tasks
    .map((task) => ({
      ...task,
      caseState: states.get(`${task.caseType}:${task.caseId}`) ?? null,
      partyName: task.partyId ? (parties.get(task.partyId) ?? null) : null,
    }))
    .filter(
      (task) =>
        (!filters.state || task.caseState === filters.state.toUpperCase()) &&
        (!filters.overdue || task.overdue)
    )
}

export const CASE_TYPES = Object.keys(CASE_STATES)
