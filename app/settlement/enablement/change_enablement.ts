import db from '@adonisjs/lucid/services/db'
import { recordAudit, type AuditEntry } from '#core/audit/audit_log'
import { CalendarError, parseSettlementDate } from '#core/calendar/index'
import { ruleSetProblems } from '#rules_runtime/plugin_catalogue'
import { defaultRuntime, type SettlementRuntime } from '#settlement/runs/runtime'
import {
  changeDates,
  enabledOn,
  enablementRecords,
  recordsInForce,
  type EnablementAction,
  type EnablementRecord,
} from './enablement_records.js'
import { rulesCatalogue } from './rules_catalogue.js'

/**
 * Enables or disables a plugin from a settlement date, with a reason (issue
 * 4 §3). The new record must leave a valid production rule set on every date
 * it affects — from its date through every later change — or it is refused
 * with the conflict named and nothing is written. Record and audit row commit
 * together.
 */
export class EnablementRefused extends Error {
  constructor(
    readonly field: 'pluginId' | 'from' | 'reason',
    message: string
  ) {
    super(message)
    this.name = 'EnablementRefused'
  }
}

export interface EnablementChange {
  pluginId: string
  action: EnablementAction
  from: string
  reason: string
  actor: AuditEntry['actor']
  ip?: string | null
}

export async function changeEnablement(
  change: EnablementChange,
  runtime: SettlementRuntime = defaultRuntime()
): Promise<EnablementRecord> {
  const { pluginId, action } = change
  const verb = action === 'enable' ? 'Enabling' : 'Disabling'
  let from: string
  try {
    from = parseSettlementDate(change.from)
  } catch (error) {
    if (error instanceof CalendarError) throw new EnablementRefused('from', error.message)
    throw error
  }
  const reason = change.reason.trim()
  if (!reason) throw new EnablementRefused('reason', 'Give the reason for the change')
  const catalogue = await rulesCatalogue(runtime)
  const plugin = catalogue.plugins.find((p) => p.id === pluginId)
  if (action === 'enable') {
    if (!plugin?.manifest) {
      const why = plugin ? plugin.problems.join('; ') : 'it is not installed'
      throw new EnablementRefused('pluginId', `${pluginId} cannot be enabled: ${why}`)
    }
    if (plugin.manifest.mode === 'sandbox') {
      throw new EnablementRefused(
        'pluginId',
        `${pluginId} is sandbox-only: it can never be enabled for production`
      )
    }
  }

  return db.transaction(async (trx) => {
    // One change at a time: the check below must see every record made before this one.
    if (trx.dialect.name === 'postgres') {
      await trx.rawQuery('LOCK TABLE settlement_rule_enablements IN EXCLUSIVE MODE')
    }
    const records = await enablementRecords({ client: trx })
    const current = recordsInForce(records, from).get(pluginId)
    if (action === 'enable' && current?.action === 'enable')
      throw new EnablementRefused(
        'from',
        `${pluginId} is already enabled on ${from} (since ${current.effectiveFrom})`
      )
    if (action === 'disable' && current?.action !== 'enable')
      throw new EnablementRefused('from', `${pluginId} is not enabled on ${from}`)

    const record: EnablementRecord = {
      id: Number.MAX_SAFE_INTEGER,
      pluginId,
      pluginVersion: plugin?.manifest?.version ?? current!.pluginVersion,
      action,
      effectiveFrom: from,
      reason,
      actorUserId: change.actor?.id ?? null,
      actorLabel: actorLabel(change.actor),
      createdAt: new Date().toISOString(),
    }
    const next = [...records, record]
    for (const date of changeDates(next).filter((d) => d >= from)) {
      const problems = ruleSetProblems(catalogue, enabledOn(next, date), { production: true })
      if (problems.length) {
        throw new EnablementRefused(
          'pluginId',
          `${verb} ${pluginId} from ${from} refused: the rule set on ${date} would be invalid: ${problems.join('; ')}`
        )
      }
    }
    const [row] = await trx
      .insertQuery()
      .table('settlement_rule_enablements')
      .insert({
        plugin_id: pluginId,
        plugin_version: record.pluginVersion,
        action,
        effective_from: from,
        reason,
        actor_user_id: record.actorUserId,
        actor_label: record.actorLabel.slice(0, 254),
        created_at: record.createdAt,
      })
      .returning('id')
    record.id = Number(typeof row === 'object' ? row.id : row)
    await recordAudit(
      {
        actor: change.actor,
        action: `settlement.rules.${action}`,
        subjectType: 'settlement_rule_plugin',
        subjectId: pluginId,
        after: { version: record.pluginVersion, effectiveFrom: from, reason, recordId: record.id },
        ip: change.ip ?? null,
      },
      { client: trx }
    )
    return record
  })
}

function actorLabel(actor: AuditEntry['actor']): string {
  if (!actor) return 'anonymous'
  return 'label' in actor ? actor.label : actor.email
}
