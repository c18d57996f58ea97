import db from '@adonisjs/lucid/services/db'
import { createRun } from '#settlement/actions/create_run'
import { executeRun } from '#settlement/actions/execute_run'
import { createSandbox, type SandboxRequest } from '#settlement/sandboxes/create_sandbox'

/** Shared by the sandbox tests: a production run of a day, a trial, row counts of every table. */
export const CLI_OWNER = { id: null, label: 'test' } as const

export async function productionRun(date: string, runType = 'SF') {
  const runId = await createRun({ settlementDate: date, runType, requestedBy: 'test' })
  const result = await executeRun(runId)
  if (result.status !== 'succeeded') throw new Error(JSON.stringify(result.error))
  return result
}

export function trial(
  name: string,
  pluginIds: string[],
  days: string[],
  extra: Partial<SandboxRequest> = {}
) {
  return createSandbox({ name, pluginIds, days, owner: CLI_OWNER, ...extra })
}

/** Tables of results keyed by run, and the run-level tables. */
export const RUN_TABLES = [
  'settlement_runs',
  'settlement_run_stages',
  'settlement_run_frames',
  'settlement_system_prices',
  'settlement_stack_items',
  'settlement_party_charges',
  'settlement_input_snapshots',
]

export async function rowCounts(tables: string[], runIds?: number[]) {
  const counts: Record<string, number> = {}
  for (const table of tables) {
    const query = db.from(table)
    if (runIds) query.whereIn(table === 'settlement_runs' ? 'id' : 'run_id', runIds)
    const [{ n }] = await query.count('* as n')
    counts[table] = Number(n)
  }
  return counts
}
