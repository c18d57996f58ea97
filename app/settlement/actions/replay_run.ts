import db from '@adonisjs/lucid/services/db'
import type { ParameterValues } from '#rules_runtime/stage'
import type { ParameterSource } from '#rules_runtime/parameters'
import { computeDay } from '#workers/compute_day'
import { encodeFrames, outputHash } from '#settlement/runs/frame_store'
import { loadSnapshot } from '#settlement/runs/snapshot_store'
import { defaultRuntime, type SettlementRuntime } from '#settlement/runs/runtime'
import { codeVersion } from './execute_run.js'
import { leaseForRun } from '#settlement/sandboxes/sandbox_capacity'

/**
 * Re-computes a finished run from its stored input snapshot with the rule
 * set and the exact parameter values its manifest recorded, and checks the
 * output hash. Nothing is written: a replay verifies, it is not a new run.
 */
export class ReplayNotPossible extends Error {}

export interface ReplayResult {
  runId: number
  expectedHash: string
  actualHash: string
  matches: boolean
  codeVersionThen: string | null
  codeVersionNow: string
  computeMs: number
}

export async function replayRun(
  runId: number,
  runtime: SettlementRuntime = defaultRuntime()
): Promise<ReplayResult> {
  const run = await db.from('settlement_runs').where('id', runId).first()
  if (!run) throw new ReplayNotPossible(`Run ${runId} does not exist`)
  if (run.status !== 'succeeded')
    throw new ReplayNotPossible(`Run ${runId} did not succeed (${run.status}): nothing to compare`)
  const manifest = JSON.parse(run.manifest)
  const params: ParameterValues = Object.fromEntries(
    Object.entries(manifest.parameters as Record<string, ParameterSource>).map(([name, source]) => [
      name,
      source.value,
    ])
  )
  const inputs = await loadSnapshot(run.input_hash)
  const codeVersionNow = codeVersion(runtime)
  // A trial's run replays within its trial's cap, as it ran.
  const lease = await leaseForRun(runtime.pool, run.sandbox_id, codeVersionNow)
  const started = performance.now()
  const compute = await computeDay({
    lease,
    spec: runtime.registry.spec(run.rule_set_key),
    inputs,
    params,
  }).finally(() => lease.release())
  const actualHash = outputHash(encodeFrames(compute.frames, compute.writers))
  return {
    runId,
    expectedHash: run.output_hash,
    actualHash,
    matches: actualHash === run.output_hash,
    codeVersionThen: run.code_version,
    codeVersionNow,
    computeMs: performance.now() - started,
  }
}
