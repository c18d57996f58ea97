import db from '@adonisjs/lucid/services/db'
import { thawInputs } from '#rules_runtime/snapshot'
import { traceValue, TraceError, type Trace, type TraceQuery } from '#rules_runtime/trace'
import type { StageMeta } from '#rules_runtime/rule_set'
import type { ParameterSource } from '#rules_runtime/parameters'
import { loadRunFrames } from '#settlement/runs/frame_store'

/**
 * Traces one value of a finished run back to the stage, inputs and parameter
 * values that produced it (trace.ts), reading the run's stored frames and its
 * input snapshot.
 */
export type TraceRequest =
  | { kind: 'system_price'; period: number }
  | { kind: 'party_charge'; party: string; charge: string }
  | ({ kind: 'value' } & TraceQuery)

export class TraceNotFound extends Error {}

export function traceQueryOf(request: TraceRequest): TraceQuery {
  if (request.kind === 'system_price') return { frame: 'system_prices', period: request.period }
  if (request.kind === 'party_charge')
    return { frame: 'party_totals', column: request.charge, entity: request.party }
  return {
    frame: request.frame,
    column: request.column,
    period: request.period,
    entity: request.entity,
  }
}

export async function traceRunValue(runId: number, request: TraceRequest): Promise<Trace> {
  const run = await db
    .from('settlement_runs')
    .where('id', runId)
    .where('status', 'succeeded')
    .first()
  if (!run) throw new TraceNotFound(`Run ${runId} has no results`)
  const manifest = JSON.parse(run.manifest) as {
    stages: StageMeta[]
    parameters: Record<string, ParameterSource>
  }
  const query = traceQueryOf(request)
  const stage = manifest.stages.find((s) => s.writes.includes(query.frame))
  if (!stage) throw new TraceError(`no stage of run ${runId} writes "${query.frame}"`)
  const frames = await loadRunFrames(runId, [
    query.frame,
    ...stage.reads.filter((read) => !read.startsWith('inputs.')),
  ])
  const snapshot = await db
    .from('settlement_input_snapshots')
    .where('hash', run.input_hash)
    .select('data')
    .first()
  if (!snapshot) throw new TraceNotFound(`Run ${runId}'s input snapshot is missing`)
  return traceValue(
    {
      stages: manifest.stages,
      parameters: manifest.parameters,
      frames,
      inputs: thawInputs(snapshot.data),
    },
    query
  )
}
