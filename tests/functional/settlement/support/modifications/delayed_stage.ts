import type { Stage } from '../../../../../app/rules_runtime/stage.js'

/**
 * A fixture stage that computes like the one it wraps but holds its worker
 * thread for `ms` first (a busy wait: a stage is synchronous code), so tests
 * can watch a run in progress or make one outlast its time limit.
 */
export function delayed(stages: Stage[], id: string, ms: number): Stage {
  const stage = stages.find((candidate) => candidate.id === id)!
  return {
    ...stage,
    title: `${stage.title} (after ${ms} ms)`,
    run(context) {
      const until = Date.now() + ms
      while (Date.now() < until);
      return stage.run(context)
    },
  }
}
