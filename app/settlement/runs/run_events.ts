import { EventEmitter } from 'node:events'

/**
 * Live progress of the runs this process executes (issue 3 §5): execute_run
 * publishes each status change, phase and stage update here as it happens;
 * the run page's SSE stream and anything else in the process subscribe. A
 * synchronous emitter keeps events in publication order, and each carries a
 * per-run sequence number so a client can tell what it already has.
 */
export type LiveStageStatus = 'pending' | 'running' | 'succeeded' | 'failed' | 'not_run'

export interface LiveStage {
  stageId: string
  scope: 'period' | 'day'
  position: number
  status: LiveStageStatus
  /** period ranges past this stage, of `total` */
  done: number
  total: number
  /** wall-clock time since the stage started (running) or until it finished */
  elapsedMs: number | null
  /** compute time summed over the ranges, known once the day's computation ends */
  cpuMs: number | null
}

export type RunPhase = 'load' | 'compute' | 'persist'

export type RunEventBody =
  | {
      type: 'status'
      status: 'running' | 'succeeded' | 'failed'
      at: string
      error?: string | null
      outputHash?: string | null
      totalMs?: number
    }
  | { type: 'phase'; phase: RunPhase; state: 'started' | 'finished'; ms?: number }
  | { type: 'stage'; stage: LiveStage }

export type RunEvent = RunEventBody & { runId: number; seq: number }

export interface LiveRun {
  runId: number
  seq: number
  status: 'running' | 'succeeded' | 'failed'
  phase: RunPhase | null
  stages: LiveStage[]
}

const hub = new EventEmitter()
hub.setMaxListeners(0)
const live = new Map<number, LiveRun>()

function apply(state: LiveRun, body: RunEventBody) {
  if (body.type === 'status') state.status = body.status
  else if (body.type === 'phase') state.phase = body.phase
  else {
    const at = state.stages.findIndex((stage) => stage.stageId === body.stage.stageId)
    if (at < 0) state.stages.push({ ...body.stage })
    else state.stages[at] = { ...body.stage }
  }
}

/** Records and announces one event of a run executing in this process. */
export function publishRunEvent(runId: number, body: RunEventBody): RunEvent {
  const state = live.get(runId) ?? {
    runId,
    seq: 0,
    status: 'running',
    phase: null,
    stages: [],
  }
  state.seq++
  apply(state, body)
  const finished = body.type === 'status' && body.status !== 'running'
  if (finished) live.delete(runId)
  else live.set(runId, state)
  const event = { ...body, runId, seq: state.seq } as RunEvent
  hub.emit('event', event)
  return event
}

/** Calls `listener` with every later event of the run; answers the unsubscribe function. */
export function onRunEvent(runId: number, listener: (event: RunEvent) => void): () => void {
  const filtered = (event: RunEvent) => event.runId === runId && listener(event)
  hub.on('event', filtered)
  return () => hub.off('event', filtered)
}

/** A copy of the run's live state while this process executes it. */
export function liveRun(runId: number): LiveRun | undefined {
  const state = live.get(runId)
  return state && { ...state, stages: state.stages.map((stage) => ({ ...stage })) }
}

export function isExecutingHere(runId: number): boolean {
  return live.has(runId)
}

/** Subscribers at the moment (tests wait for a stream to be listening). */
export function runEventListeners(): number {
  return hub.listenerCount('event')
}
