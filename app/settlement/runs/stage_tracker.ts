import type { StageProgress } from '#workers/compute_day'
import type { LiveStage } from './run_events.js'

/**
 * Turns the pool's per-stage progress (how many period ranges got past each
 * stage) into stage statuses with wall-clock timings for the live run page.
 * Within a scope, stages run in order on every range, so a stage starts when
 * the first range gets past the one before it and finishes when every range
 * got past it.
 */
export class StageTracker {
  #stages: LiveStage[] = []
  #startedAt = new Map<string, number>()
  #now: () => number

  constructor(now: () => number = () => performance.now()) {
    this.#now = now
  }

  #start(stage: LiveStage) {
    stage.status = 'running'
    stage.elapsedMs = 0
    this.#startedAt.set(stage.stageId, this.#now())
  }

  #elapsed(stage: LiveStage) {
    return this.#now() - (this.#startedAt.get(stage.stageId) ?? this.#now())
  }

  #previousInScope(stage: LiveStage) {
    return this.#stages.findLast((s) => s.scope === stage.scope && s.position < stage.position)
  }

  /** Applies one progress report; answers the stages whose state changed, in stage order. */
  update(progress: StageProgress): LiveStage[] {
    const changed: LiveStage[] = []
    let stage = this.#stages.find((s) => s.stageId === progress.stageId)
    if (!stage) {
      stage = {
        stageId: progress.stageId,
        scope: progress.scope,
        position: this.#stages.length,
        status: 'pending',
        done: 0,
        total: progress.total,
        elapsedMs: null,
        cpuMs: null,
      }
      this.#stages.push(stage)
      const previous = this.#previousInScope(stage)
      if (!previous || previous.done > 0) this.#start(stage)
    }
    stage.done = progress.done
    stage.total = progress.total
    if (progress.done > 0) {
      const next = this.#stages.find((s) => s.scope === stage.scope && s.position > stage.position)
      if (next?.status === 'pending') {
        this.#start(next)
        changed.push(next)
      }
    }
    if (stage.status === 'pending' && progress.done > 0) this.#start(stage)
    if (stage.status === 'running') {
      stage.elapsedMs = this.#elapsed(stage)
      if (progress.done === progress.total) stage.status = 'succeeded'
    }
    changed.push(stage)
    return changed.sort((a, b) => a.position - b.position).map((s) => ({ ...s }))
  }

  /** Final statuses and compute times once the day's computation has ended (or failed). */
  finish(summaries: { id: string; scope: 'period' | 'day'; status: string; ms: number }[]) {
    return summaries.map((summary, position) => {
      let stage = this.#stages.find((s) => s.stageId === summary.id)
      if (!stage) {
        stage = {
          stageId: summary.id,
          scope: summary.scope,
          position,
          status: 'not_run',
          done: 0,
          total: 0,
          elapsedMs: null,
          cpuMs: null,
        }
        this.#stages.push(stage)
      }
      if (stage.status === 'running') stage.elapsedMs = this.#elapsed(stage)
      stage.position = position
      stage.status = summary.status as LiveStage['status']
      stage.cpuMs = summary.status === 'not_run' ? null : summary.ms
      return { ...stage }
    })
  }

  /** The stage running now (the earliest one started and not finished), if any. */
  running(): LiveStage | undefined {
    return this.#stages.find((s) => s.status === 'running')
  }
}
