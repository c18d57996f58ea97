import db from '@adonisjs/lucid/services/db'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'

/**
 * Effective-dated enablement records (migration 3050) and what they mean on
 * a settlement date. For each plugin, the record with the latest effective
 * date on or before the date decides; of two records for one date, the one
 * made later. Records are only ever added.
 */
export type EnablementAction = 'enable' | 'disable'

export interface EnablementRecord {
  id: number
  pluginId: string
  pluginVersion: number
  action: EnablementAction
  effectiveFrom: string
  reason: string
  actorUserId: number | null
  actorLabel: string
  createdAt: string
}

/** A stretch of settlement dates with the plugin enabled; `disabledFrom` null = open-ended. */
export interface EnabledPeriod {
  from: string
  disabledFrom: string | null
}

export async function enablementRecords(
  options: { pluginId?: string; client?: QueryClientContract } = {}
): Promise<EnablementRecord[]> {
  const query = (options.client ?? db)
    .from('settlement_rule_enablements')
    .orderBy('effective_from')
    .orderBy('id')
  if (options.pluginId) query.where('plugin_id', options.pluginId)
  const rows = await query
  return rows.map((row: any) => ({
    id: Number(row.id),
    pluginId: row.plugin_id,
    pluginVersion: Number(row.plugin_version),
    action: row.action,
    effectiveFrom: row.effective_from,
    reason: row.reason,
    actorUserId: row.actor_user_id === null ? null : Number(row.actor_user_id),
    actorLabel: row.actor_label,
    createdAt: row.created_at,
  }))
}

const inRecordOrder = (a: EnablementRecord, b: EnablementRecord) =>
  a.effectiveFrom < b.effectiveFrom ? -1 : a.effectiveFrom > b.effectiveFrom ? 1 : a.id - b.id

/** The record in force for each plugin on `date`. */
export function recordsInForce(records: EnablementRecord[], date: string) {
  const inForce = new Map<string, EnablementRecord>()
  for (const record of [...records].sort(inRecordOrder)) {
    if (record.effectiveFrom <= date) inForce.set(record.pluginId, record)
  }
  return inForce
}

/** Ids of the plugins enabled on `date`, sorted. */
export function enabledOn(records: EnablementRecord[], date: string): string[] {
  return [...recordsInForce(records, date).values()]
    .filter((record) => record.action === 'enable')
    .map((record) => record.pluginId)
    .sort()
}

/** The dates from which the enabled set may change: every record's effective date. */
export function changeDates(records: EnablementRecord[]): string[] {
  return [...new Set(records.map((record) => record.effectiveFrom))].sort()
}

/** One plugin's enabled stretches, oldest first. */
export function enabledPeriods(records: EnablementRecord[], pluginId: string): EnabledPeriod[] {
  const own = records.filter((record) => record.pluginId === pluginId)
  const periods: EnabledPeriod[] = []
  for (const date of changeDates(own)) {
    const enabled = enabledOn(own, date).length > 0
    const open = periods.at(-1)?.disabledFrom === null ? periods.at(-1) : undefined
    if (enabled && !open) periods.push({ from: date, disabledFrom: null })
    if (!enabled && open) open.disabledFrom = date
  }
  return periods
}
