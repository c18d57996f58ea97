import db from '@adonisjs/lucid/services/db'
import { recordAudit, type AuditEntry } from '#core/audit/audit_log'
import { findSandbox, SandboxError } from './sandbox_queries.js'

/**
 * Deletes a trial with everything of it (issue 4 §6) in one transaction:
 * its runs and every row keyed by them, the input snapshots only its runs
 * used (a 30-minute trial shares production's), its copied days and the
 * trial itself. Production rows are never touched: every delete is keyed by
 * the trial's own run ids. A trial with a run in progress is refused.
 */
export const RUN_RESULT_TABLES = [
  'settlement_party_charges',
  'settlement_stack_items',
  'settlement_system_prices',
  'settlement_run_frames',
  'settlement_run_stages',
]

export interface DeletedSandbox {
  id: number
  name: string
  runs: number
  days: number
  snapshots: number
}

export async function deleteSandbox(
  sandboxId: number,
  actor: AuditEntry['actor'],
  ip: string | null = null
): Promise<DeletedSandbox> {
  const sandbox = await findSandbox(sandboxId)
  if (!sandbox) throw new SandboxError('sandbox', `No sandbox ${sandboxId}`)
  return db.transaction(async (trx) => {
    const runs = await trx
      .from('settlement_runs')
      .where('sandbox_id', sandbox.id)
      .select('id', 'status', 'input_hash')
    const busy = runs.find((run) => run.status === 'queued' || run.status === 'running')
    if (busy)
      throw new SandboxError(
        'sandbox',
        `Sandbox "${sandbox.name}" has run ${busy.id} in progress: delete it once that has finished`
      )
    const runIds = runs.map((run) => Number(run.id))
    const hashes = [...new Set(runs.map((run) => run.input_hash).filter(Boolean))] as string[]
    for (const table of RUN_RESULT_TABLES) await trx.from(table).whereIn('run_id', runIds).delete()
    await trx.from('settlement_runs').whereIn('id', runIds).delete()
    let snapshots = 0
    if (hashes.length) {
      const stillUsed = await trx
        .from('settlement_runs')
        .whereIn('input_hash', hashes)
        .distinct('input_hash')
      const used = new Set(stillUsed.map((row) => row.input_hash))
      const orphans = hashes.filter((hash) => !used.has(hash))
      if (orphans.length)
        snapshots = Number(
          await trx.from('settlement_input_snapshots').whereIn('hash', orphans).delete()
        )
    }
    const days = Number(
      await trx.from('settlement_sandbox_days').where('sandbox_id', sandbox.id).delete()
    )
    await trx.from('settlement_sandboxes').where('id', sandbox.id).delete()
    await recordAudit(
      {
        actor,
        action: 'settlement.sandbox.delete',
        subjectType: 'settlement_sandbox',
        subjectId: sandbox.id,
        before: { name: sandbox.name, ruleSetKey: sandbox.ruleSetKey, runIds },
        ip,
      },
      { client: trx }
    )
    return { id: sandbox.id, name: sandbox.name, runs: runIds.length, days, snapshots }
  })
}
