import db from '@adonisjs/lucid/services/db'
import { bulkInsert, rowSet } from '#core/db/bulk_insert'
import type { DayInputs } from '#rules_runtime/frames'
import type { StageSummary } from '#workers/compute_day'
import { encodeFrames, entityFrames, frameRows, outputHash } from './frame_store.js'
import { partyChargeRows, runTotals, stackRows, systemPriceRows } from './result_tables.js'
import type { ComputeResult } from '#workers/compute_day'

/**
 * Writes a finished run — stage reports, every frame, the relational result
 * tables and the run's final status — in ONE transaction: a crash or error
 * before the commit leaves no partial results, and other runs are never
 * touched (runs never overwrite).
 */
const now = () => new Date().toISOString()

export function stageRows(runId: number, stages: StageSummary[]) {
  return stages.map((stage) => ({
    run_id: runId,
    position: stage.position,
    stage_id: stage.id,
    origin: stage.origin,
    scope: stage.scope,
    title: stage.title,
    reference: stage.reference,
    status: stage.status,
    ms: stage.status === 'not_run' ? null : stage.ms,
    processed: JSON.stringify(stage.report.processed),
    indicators: JSON.stringify(stage.report.indicators),
    details: JSON.stringify(stage.report.details ?? {}),
  }))
}

export interface PersistInput {
  runId: number
  inputs: DayInputs
  compute: ComputeResult
  /** manifest fields known before persisting (rule set, parameters, pool) */
  manifest: Record<string, unknown>
  timings: { loadMs: number; computeMs: number; startedAt: number }
}

export interface PersistResult {
  outputHash: string
  totals: Record<string, number>
  persistMs: number
}

export async function persistRun({
  runId,
  inputs,
  compute,
  manifest,
  timings,
}: PersistInput): Promise<PersistResult> {
  const started = performance.now()
  const encoded = encodeFrames(compute.frames, compute.writers)
  const hash = outputHash(encoded)
  const frames = await frameRows(runId, [...encoded, ...encodeFrames(entityFrames(inputs), {})])
  const totals = runTotals(inputs, compute.frames)
  const fullManifest = {
    ...manifest,
    outputHash: hash,
    outputHashMethod:
      'sha256 over the stage frames in name order, each as name NUL canonical-encoding',
    ranges: compute.ranges,
    frames: encoded.map(({ name, stageId, frame }) => ({
      name,
      stageId,
      axis: frame.axis,
      perPeriod: frame.perPeriod,
      columns: Object.keys(frame.columns),
      labels: Object.keys(frame.labels ?? {}),
    })),
  }
  const { system_prices: prices, stack, party_totals: partyTotals } = compute.frames
  await db.transaction(async (trx) => {
    await bulkInsert(trx, 'settlement_run_stages', rowSet(stageRows(runId, compute.stages)))
    for (const row of frames) await trx.insertQuery().table('settlement_run_frames').insert(row)
    await bulkInsert(trx, 'settlement_system_prices', systemPriceRows(runId, inputs, prices))
    await bulkInsert(trx, 'settlement_stack_items', stackRows(runId, inputs, stack))
    await bulkInsert(trx, 'settlement_party_charges', partyChargeRows(runId, inputs, partyTotals))
    const persistMs = performance.now() - started
    await trx
      .from('settlement_runs')
      .where('id', runId)
      .update({
        status: 'succeeded',
        output_hash: hash,
        manifest: JSON.stringify(fullManifest),
        totals: JSON.stringify(totals),
        finished_at: now(),
        load_ms: timings.loadMs,
        compute_ms: timings.computeMs,
        persist_ms: persistMs,
        total_ms: performance.now() - timings.startedAt,
      })
  })
  return { outputHash: hash, totals, persistMs: performance.now() - started }
}

/** Records a failure: the run row says what failed where; stage rows show how far it got. */
export async function persistFailure(
  runId: number,
  failure: {
    message: string
    stageId: string | null
    origin: string | null
    stages: StageSummary[]
  },
  startedAt: number
) {
  await db.transaction(async (trx) => {
    await bulkInsert(trx, 'settlement_run_stages', rowSet(stageRows(runId, failure.stages)))
    await trx
      .from('settlement_runs')
      .where('id', runId)
      .update({
        status: 'failed',
        error: failure.message,
        failed_stage: failure.stageId,
        failed_origin: failure.origin,
        finished_at: now(),
        total_ms: performance.now() - startedAt,
      })
  })
}
