import db from '@adonisjs/lucid/services/db'
import { recordAudit, type AuditEntry } from '#core/audit/audit_log'
import { createRun, RunRequestError } from '#settlement/actions/create_run'
import { executeRun, type RunProgress, type RunResult } from '#settlement/actions/execute_run'
import { defaultRuntime, type SettlementRuntime } from '#settlement/runs/runtime'
import { actorLabel } from './create_sandbox.js'
import {
  findSandbox,
  sandboxDays,
  SandboxError,
  setSandboxStatus,
  type Sandbox,
} from './sandbox_queries.js'

/**
 * Runs a trial: one run of its rule set per copied day, tagged with the
 * sandbox (so production never sees it), reading the frozen copy, on the
 * shared pool within the trial's cap (sandbox_capacity.ts). Days run one
 * after another; several trials may run at once. A trial already running
 * is refused rather than queued twice.
 */
export interface SandboxRunOptions {
  runType?: string
  actor: AuditEntry['actor']
  ip?: string | null
  runtime?: SettlementRuntime
  onRunQueued?: (run: { runId: number; settlementDate: string }) => void
  onProgress?: (settlementDate: string, progress: RunProgress) => void
}

export interface SandboxRunOutcome {
  sandbox: Pick<Sandbox, 'id' | 'name' | 'ruleSetKey'>
  status: 'succeeded' | 'failed'
  runs: RunResult[]
}

export interface QueuedSandboxRuns {
  sandbox: Sandbox
  runs: { runId: number; settlementDate: string }[]
}

/** Queues the trial's runs (checked and marked running); `executeQueuedRuns` computes them. */
export async function queueSandboxRuns(
  sandboxId: number,
  options: SandboxRunOptions
): Promise<QueuedSandboxRuns> {
  const sandbox = await findSandbox(sandboxId)
  if (!sandbox) throw new SandboxError('sandbox', `No sandbox ${sandboxId}`)
  const busy = await db
    .from('settlement_runs')
    .where('sandbox_id', sandbox.id)
    .whereIn('status', ['queued', 'running'])
    .first()
  if (busy)
    throw new SandboxError(
      'sandbox',
      `Sandbox "${sandbox.name}" is already running (run ${busy.id})`
    )
  const runtime = options.runtime ?? defaultRuntime()
  const days = await sandboxDays(sandbox.id)
  const runs: QueuedSandboxRuns['runs'] = []
  try {
    for (const day of days) {
      const runId = await createRun(
        {
          settlementDate: day.settlementDate,
          runType: options.runType ?? 'SF',
          ruleSetKey: sandbox.ruleSetKey,
          sandboxId: sandbox.id,
          requestedBy: actorLabel(options.actor),
        },
        runtime
      )
      runs.push({ runId, settlementDate: day.settlementDate })
      options.onRunQueued?.({ runId, settlementDate: day.settlementDate })
    }
  } catch (error) {
    // A refused day (a bad run type, the rule set no longer installed) leaves no queued runs behind.
    const ids = runs.map((run) => run.runId)
    if (ids.length) await db.from('settlement_runs').whereIn('id', ids).delete()
    if (error instanceof RunRequestError) throw new SandboxError(error.field, error.message)
    throw error
  }
  await setSandboxStatus(sandbox.id, 'running')
  await recordAudit({
    actor: options.actor,
    action: 'settlement.sandbox.run',
    subjectType: 'settlement_sandbox',
    subjectId: sandbox.id,
    after: {
      name: sandbox.name,
      runType: options.runType ?? 'SF',
      runIds: runs.map((r) => r.runId),
    },
    ip: options.ip ?? null,
  })
  return { sandbox, runs }
}

export async function executeQueuedRuns(
  queued: QueuedSandboxRuns,
  options: Pick<SandboxRunOptions, 'runtime' | 'onProgress'> = {}
): Promise<SandboxRunOutcome> {
  const { sandbox } = queued
  const runs: RunResult[] = []
  try {
    for (const { runId, settlementDate } of queued.runs) {
      runs.push(
        await executeRun(runId, {
          runtime: options.runtime,
          onProgress: (progress) => options.onProgress?.(settlementDate, progress),
        })
      )
    }
  } finally {
    // An error outside any run (the database gone, say) must not leave later days queued for ever.
    const notStarted = queued.runs.slice(runs.length).map((run) => run.runId)
    if (notStarted.length)
      await db.from('settlement_runs').whereIn('id', notStarted).where('status', 'queued').delete()
    const failed = runs.length < queued.runs.length || runs.some((run) => run.status === 'failed')
    await setSandboxStatus(sandbox.id, failed ? 'failed' : 'succeeded')
  }
  return {
    sandbox: { id: sandbox.id, name: sandbox.name, ruleSetKey: sandbox.ruleSetKey },
    status: runs.every((run) => run.status === 'succeeded') ? 'succeeded' : 'failed',
    runs,
  }
}

export async function runSandbox(
  sandboxId: number,
  options: SandboxRunOptions
): Promise<SandboxRunOutcome> {
  return executeQueuedRuns(await queueSandboxRuns(sandboxId, options), options)
}
