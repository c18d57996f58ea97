import db from '@adonisjs/lucid/services/db'
import type { QueryClientContract, TransactionClientContract } from '@adonisjs/lucid/types/database'

/**
 * The append-only audit log (issue 2 §5). There is deliberately no model and
 * no update or delete function: rows are only ever inserted, and the database
 * refuses changes (migration 1003). Pass `client` to write inside the caller's
 * transaction, so an action and its audit row commit together.
 */
export interface AuditActor {
  id: number | null
  label: string
}

export interface AuditEntry {
  /** The user who acted; null for an anonymous visitor (a failed login, say). */
  actor: { id: number; email: string } | AuditActor | null
  action: string
  subjectType: string
  subjectId: string | number
  partyId?: string | null
  before?: unknown
  after?: unknown
  ip?: string | null
}

export interface AuditRow {
  id: number
  actorUserId: number | null
  actorLabel: string
  action: string
  subjectType: string
  subjectId: string
  partyId: string | null
  before: unknown
  after: unknown
  ip: string | null
  createdAt: string
}

function actorOf(actor: AuditEntry['actor']): AuditActor {
  if (!actor) return { id: null, label: 'anonymous' }
  if ('label' in actor) return actor
  return { id: actor.id, label: actor.email }
}

function toJson(value: unknown): string | null {
  return value === undefined || value === null ? null : JSON.stringify(value)
}

export async function recordAudit(
  entry: AuditEntry,
  options: { client?: QueryClientContract | TransactionClientContract } = {}
): Promise<void> {
  const actor = actorOf(entry.actor)
  await (options.client ?? db)
    .insertQuery()
    .table('core_audit_log')
    .insert({
      actor_user_id: actor.id,
      actor_label: actor.label.slice(0, 254),
      action: entry.action,
      subject_type: entry.subjectType,
      subject_id: String(entry.subjectId).slice(0, 100),
      party_id: entry.partyId ?? null,
      before: toJson(entry.before),
      after: toJson(entry.after),
      ip: entry.ip ?? null,
      created_at: new Date().toISOString(),
    })
}

export interface AuditFilters {
  action?: string
  partyId?: string
  subjectType?: string
  subjectId?: string
}

/** Newest first, paginated; used by the admin audit page and by tests. */
export async function listAuditEntries(filters: AuditFilters, page = 1, perPage = 50) {
  const query = db.from('core_audit_log').orderBy('id', 'desc')
  if (filters.action) query.where('action', filters.action)
  if (filters.partyId) query.where('party_id', filters.partyId)
  if (filters.subjectType) query.where('subject_type', filters.subjectType)
  if (filters.subjectId) query.where('subject_id', filters.subjectId)
  const result = await query.paginate(page, perPage)
  return {
    rows: result.all().map(toAuditRow),
    meta: { currentPage: result.currentPage, lastPage: result.lastPage, total: result.total },
  }
}

function parseJson(value: string | null): unknown {
  return value === null ? null : JSON.parse(value)
}

function toAuditRow(row: any): AuditRow {
  return {
    id: row.id,
    actorUserId: row.actor_user_id,
    actorLabel: row.actor_label,
    action: row.action,
    subjectType: row.subject_type,
    subjectId: row.subject_id,
    partyId: row.party_id,
    before: parseJson(row.before),
    after: parseJson(row.after),
    ip: row.ip,
    createdAt: new Date(row.created_at).toISOString(),
  }
}
