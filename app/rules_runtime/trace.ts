import type { DayInputs } from './frames.js'
import type { ParameterSource } from './parameters.js'
import type { StageMeta } from './rule_set.js'
import type { ColumnFrame } from './stage.js'
import {
  idsOnAxis,
  rowOf,
  scopeOf,
  sliceFrame,
  sliceInput,
  type Row,
  type TracedRead,
} from './trace_slices.js'

export type { Row, TracedRead } from './trace_slices.js'

/**
 * Explains one output value of a run (ARCHITECTURE.md §4.5 `trace`): the
 * stage that wrote it with its BSC reference, the slices of what that stage
 * read for the same period and entity, the parameter values it used with
 * their effective dates, and the chain of stages upstream.
 */
export interface TraceQuery {
  frame: string
  /** one column, or every column of the row when absent */
  column?: string
  /** 1-based settlement period (period and entity × period frames) */
  period?: number
  /** entity id on the frame's axis (party, account or BM Unit) */
  entity?: string
}

export interface TraceContext {
  /** the run's stages in execution order (run manifest) */
  stages: StageMeta[]
  parameters: Record<string, ParameterSource>
  frames: Record<string, ColumnFrame>
  inputs: DayInputs
}

export interface Trace {
  query: TraceQuery
  value: Row
  stage: Pick<StageMeta, 'id' | 'title' | 'reference' | 'origin' | 'scope'>
  parameters: ({ name: string } & ParameterSource)[]
  reads: TracedRead[]
  upstream: Pick<StageMeta, 'id' | 'reference' | 'origin'>[]
}

export class TraceError extends Error {}

export function traceValue(context: TraceContext, query: TraceQuery): Trace {
  const { stages, frames, inputs } = context
  const frame = frames[query.frame]
  if (!frame) throw new TraceError(`the run has no frame "${query.frame}"`)
  if (query.column && !(query.column in frame.columns) && !(query.column in (frame.labels ?? {}))) {
    throw new TraceError(`frame "${query.frame}" has no column "${query.column}"`)
  }
  const stage = stages.find((s) => s.writes.includes(query.frame))
  if (!stage) throw new TraceError(`no stage of the run writes "${query.frame}"`)
  const ids = idsOnAxis(inputs, frame.axis)
  const entity = query.entity === undefined || !ids ? null : ids.indexOf(query.entity)
  if (entity === -1) throw new TraceError(`"${query.entity}" is not a ${frame.axis} of this run`)
  const needsPeriod = frame.axis === 'period' || frame.perPeriod
  if (
    needsPeriod &&
    (query.period === undefined || query.period < 1 || query.period > inputs.periods)
  ) {
    throw new TraceError(`give a settlement period from 1 to ${inputs.periods}`)
  }
  if (ids && entity === null) throw new TraceError(`give the ${frame.axis} whose value to trace`)
  const slot = query.period === undefined ? 0 : query.period - 1
  const at =
    frame.axis === 'period' ? slot : frame.perPeriod ? slot * ids!.length + entity! : entity!
  const scope = scopeOf(inputs, frame.axis, entity)
  const period = needsPeriod ? query.period : undefined

  const upstream: Trace['upstream'] = []
  const visit = (meta: StageMeta) => {
    for (const read of meta.reads) {
      const source = stages.find((s) => s.writes.includes(read))
      if (source && !upstream.some((u) => u.id === source.id)) {
        upstream.push({ id: source.id, reference: source.reference, origin: source.origin })
        visit(source)
      }
    }
  }
  visit(stage)
  return {
    query,
    value: rowOf(frame, at, query.column),
    stage: {
      id: stage.id,
      title: stage.title,
      reference: stage.reference,
      origin: stage.origin,
      scope: stage.scope,
    },
    parameters: stage.params.flatMap((name) =>
      context.parameters[name] ? [{ name, ...context.parameters[name] }] : []
    ),
    reads: stage.reads.map((read) =>
      read.startsWith('inputs.')
        ? sliceInput(read, inputs, period, scope)
        : sliceFrame(read, frames[read], inputs, period, scope)
    ),
    upstream,
  }
}
