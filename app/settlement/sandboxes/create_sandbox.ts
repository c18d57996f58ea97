import db from '@adonisjs/lucid/services/db'
import { recordAudit, type AuditEntry } from '#core/audit/audit_log'
import { CalendarError, parseSettlementDate } from '#core/calendar/index'
import { catalogueKey, ruleSetProblems } from '#rules_runtime/plugin_catalogue'
import { defaultOwnerCap } from '#workers/pool'
import { rulesCatalogue } from '#settlement/enablement/rules_catalogue'
import { hasInputs } from '#settlement/inputs/load_day_records'
import { defaultRuntime, type SettlementRuntime } from '#settlement/runs/runtime'
import { copyProductionDay, storeDayCopy, type DayCopy } from './day_copies.js'
import { findSandbox, SandboxError, type Sandbox } from './sandbox_queries.js'

/**
 * Creates a trial (issue 4 §6): a unique name, an owner, a rule set of any
 * installed plugins — sandbox-only ones included — checked as a whole, and
 * source days copied from production. The days are read and compressed
 * first, then trial, copies and audit row are written in one transaction:
 * on any error nothing is written.
 */
export const SANDBOX_NAME = /^[a-z][a-z0-9_-]{1,63}$/
export const MAX_SOURCE_DAYS = 31
export const MAX_PARALLEL_TASKS = 64

export interface SandboxRequest {
  name: string
  description?: string | null
  pluginIds: string[]
  days: string[]
  /** default: the pool's share for one sandbox owner */
  maxParallelTasks?: number
  owner: { id: number; email: string } | { id: null; label: string }
  ip?: string | null
}

function checkName(name: string): string {
  const trimmed = name.trim()
  if (!SANDBOX_NAME.test(trimmed))
    throw new SandboxError(
      'name',
      'name must be 2–64 characters: lower-case letters, digits, "-" or "_", starting with a letter'
    )
  return trimmed
}

async function checkDays(days: string[]): Promise<string[]> {
  if (days.length === 0) throw new SandboxError('days', 'Choose at least one source day')
  const dates = new Set<string>()
  for (const day of days) {
    try {
      dates.add(parseSettlementDate(day.trim()))
    } catch (error) {
      if (error instanceof CalendarError) throw new SandboxError('days', error.message)
      throw error
    }
  }
  if (dates.size > MAX_SOURCE_DAYS)
    throw new SandboxError('days', `A trial copies at most ${MAX_SOURCE_DAYS} days`)
  for (const date of dates) {
    if (!(await hasInputs(date)))
      throw new SandboxError('days', `No production inputs for ${date}: import them first`)
  }
  return [...dates].sort()
}

export function actorLabel(actor: AuditEntry['actor']): string {
  if (!actor) return 'anonymous'
  return 'label' in actor ? actor.label : actor.email
}

export async function createSandbox(
  request: SandboxRequest,
  runtime: SettlementRuntime = defaultRuntime()
): Promise<Sandbox> {
  const name = checkName(request.name)
  const cap = request.maxParallelTasks ?? defaultOwnerCap('sandbox', runtime.pool.workers)
  if (!Number.isInteger(cap) || cap < 1 || cap > MAX_PARALLEL_TASKS)
    throw new SandboxError(
      'maxParallelTasks',
      `maxParallelTasks must be a whole number from 1 to ${MAX_PARALLEL_TASKS}`
    )
  if (await db.from('settlement_sandboxes').where('name', name).first())
    throw new SandboxError('name', `A sandbox named "${name}" already exists`)
  const pluginIds = [...new Set(request.pluginIds.map((id) => id.trim()).filter(Boolean))]
  const catalogue = await rulesCatalogue(runtime)
  const problems = ruleSetProblems(catalogue, pluginIds, { production: false })
  if (problems.length)
    throw new SandboxError('pluginIds', `These plugins cannot run together: ${problems.join('; ')}`)
  const ruleSetKey = catalogueKey(catalogue, pluginIds)
  const dates = await checkDays(request.days)

  const copies: DayCopy[] = []
  for (const date of dates) copies.push(await copyProductionDay(date))
  const now = new Date().toISOString()
  const id = await db
    .transaction(async (trx) => {
      const [row] = await trx
        .insertQuery()
        .table('settlement_sandboxes')
        .insert({
          name,
          description: request.description?.trim() || null,
          owner_user_id: request.owner.id,
          owner_label: actorLabel(request.owner).slice(0, 254),
          plugin_ids: JSON.stringify(pluginIds),
          rule_set_key: ruleSetKey,
          max_parallel_tasks: cap,
          status: 'created',
          created_at: now,
          updated_at: now,
        })
        .returning('id')
      const sandboxId = Number(typeof row === 'object' ? row.id : row)
      for (const copy of copies) await storeDayCopy(trx, sandboxId, copy)
      await recordAudit(
        {
          actor: request.owner as AuditEntry['actor'],
          action: 'settlement.sandbox.create',
          subjectType: 'settlement_sandbox',
          subjectId: sandboxId,
          after: { name, ruleSetKey, days: dates, maxParallelTasks: cap },
          ip: request.ip ?? null,
        },
        { client: trx }
      )
      return sandboxId
    })
    .catch(async (error) => {
      // Another request took the name between the check above and this insert.
      if (await db.from('settlement_sandboxes').where('name', name).first())
        throw new SandboxError('name', `A sandbox named "${name}" already exists`)
      throw error
    })
  return (await findSandbox(id))!
}
