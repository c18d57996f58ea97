import db from '@adonisjs/lucid/services/db'
import { listRuns, type RunRow } from '#settlement/queries/runs'

/**
 * Read side of sandbox trials: the list, one trial with its copied days and
 * runs, and finding a trial by name or id (the CLI takes either).
 */
export class SandboxError extends Error {
  constructor(
    readonly field: string,
    message: string
  ) {
    super(message)
    this.name = 'SandboxError'
  }
}

export type SandboxStatus = 'created' | 'running' | 'succeeded' | 'failed'

export interface Sandbox {
  id: number
  name: string
  description: string | null
  ownerUserId: number | null
  owner: string
  pluginIds: string[]
  ruleSetKey: string
  maxParallelTasks: number
  status: SandboxStatus
  createdAt: string
  updatedAt: string
}

export interface SandboxDay {
  settlementDate: string
  inputHash: string
  byteLength: number
  copiedAt: string
}

function toSandbox(row: Record<string, any>): Sandbox {
  return {
    id: Number(row.id),
    name: row.name,
    description: row.description ?? null,
    ownerUserId: row.owner_user_id === null ? null : Number(row.owner_user_id),
    owner: row.owner_label,
    pluginIds: JSON.parse(row.plugin_ids),
    ruleSetKey: row.rule_set_key,
    maxParallelTasks: Number(row.max_parallel_tasks),
    status: row.status,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }
}

export async function listSandboxes(): Promise<(Sandbox & { days: number; runs: number })[]> {
  const rows = await db.from('settlement_sandboxes').orderBy('name')
  const days = await db
    .from('settlement_sandbox_days')
    .groupBy('sandbox_id')
    .select('sandbox_id')
    .count('* as n')
  const runs = await db
    .from('settlement_runs')
    .whereNotNull('sandbox_id')
    .groupBy('sandbox_id')
    .select('sandbox_id')
    .count('* as n')
  const counted = (list: Record<string, any>[], id: number) =>
    Number(list.find((row) => Number(row.sandbox_id) === id)?.n ?? 0)
  return rows.map((row) => {
    const sandbox = toSandbox(row)
    return { ...sandbox, days: counted(days, sandbox.id), runs: counted(runs, sandbox.id) }
  })
}

export async function findSandbox(id: number): Promise<Sandbox | null> {
  const row = await db.from('settlement_sandboxes').where('id', id).first()
  return row ? toSandbox(row) : null
}

/** `name` or numeric id, as typed on the command line. */
export async function sandboxByNameOrId(reference: string): Promise<Sandbox> {
  const row = /^\d+$/.test(reference)
    ? await db.from('settlement_sandboxes').where('id', Number(reference)).first()
    : await db.from('settlement_sandboxes').where('name', reference).first()
  if (!row) throw new SandboxError('sandbox', `No sandbox "${reference}"`)
  return toSandbox(row)
}

export async function sandboxDays(sandboxId: number): Promise<SandboxDay[]> {
  const rows = await db
    .from('settlement_sandbox_days')
    .where('sandbox_id', sandboxId)
    .orderBy('settlement_date')
    .select('settlement_date', 'input_hash', 'byte_length', 'created_at')
  return rows.map((row) => ({
    settlementDate: row.settlement_date,
    inputHash: row.input_hash,
    byteLength: Number(row.byte_length),
    copiedAt: row.created_at,
  }))
}

export async function sandboxRuns(sandboxId: number): Promise<RunRow[]> {
  const { runs } = await listRuns({ sandboxId, perPage: 500 })
  return runs
}

export async function setSandboxStatus(sandboxId: number, status: SandboxStatus) {
  await db
    .from('settlement_sandboxes')
    .where('id', sandboxId)
    .update({ status, updated_at: new Date().toISOString() })
}
