import type { StageProgress, StageSummary } from '#workers/compute_day'
import { publishRunEvent, type RunEventBody, type RunPhase } from './run_events.js'
import { StageTracker } from './stage_tracker.js'

/**
 * What a run reports while it executes: every phase and stage change goes
 * to the caller's progress callback (the CLI's lines) and is published live
 * for the run page (run_events.ts). Once the final status is out, nothing
 * more is published: a computation that outlived its time limit stays silent.
 */
export type RunProgress =
  | { phase: 'load' | 'persist'; state: 'started' | 'finished'; ms?: number }
  | ({ phase: 'compute' } & StageProgress)

export function runReporter(runId: number, onProgress?: (progress: RunProgress) => void) {
  const tracker = new StageTracker()
  let ended = false
  const publish = (body: RunEventBody) => {
    if (!ended) publishRunEvent(runId, body)
  }
  return {
    status(body: Extract<RunEventBody, { type: 'status' }>) {
      publish(body)
      ended = body.status !== 'running'
    },
    phase(phase: RunPhase, state: 'started' | 'finished', ms?: number) {
      if (ended) return
      if (phase !== 'compute') onProgress?.({ phase, state, ms })
      publish({ type: 'phase', phase, state, ms })
    },
    stage(progress: StageProgress) {
      if (ended) return
      onProgress?.({ phase: 'compute', ...progress })
      for (const stage of tracker.update(progress)) publish({ type: 'stage', stage })
    },
    /** Final stage statuses and compute times from the pool's summaries. */
    stagesEnded(summaries: StageSummary[]) {
      for (const stage of tracker.finish(summaries)) publish({ type: 'stage', stage })
    },
    /** The stage running now, to name it when the run is stopped. */
    runningStage: () => tracker.running(),
  }
}
