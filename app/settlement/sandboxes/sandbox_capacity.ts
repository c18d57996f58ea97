import db from '@adonisjs/lucid/services/db'
import { defaultOwnerCap, type PoolLease, type RulePool, type TaskOptions } from '#workers/pool'
import type { RuleTask } from '#workers/rule_tasks'

/**
 * How many pool tasks a trial may have running (ARCHITECTURE.md §4.7). The
 * pool caps each owner (`sandbox:<id>`) at half the threads; two trials
 * would still fill it together. Here, on top of that, each trial keeps to
 * its own `max_parallel_tasks`, and all trials of this process together to
 * one sandbox owner's share — so production always finds threads free,
 * however many trials run.
 */
class Slots {
  #active = 0
  #waiting: (() => void)[] = []

  constructor(readonly limit: () => number) {}

  get active() {
    return this.#active
  }

  async acquire(): Promise<void> {
    if (this.#active < this.limit()) {
      this.#active++
      return
    }
    await new Promise<void>((resolve) => this.#waiting.push(resolve))
  }

  release() {
    const next = this.#waiting.shift()
    if (next) return next() // the slot passes straight to the next waiting task
    this.#active--
  }
}

let shared: { pool: RulePool; slots: Slots } | undefined
/** per trial: its slots and the leases using them (dropped with the last lease) */
const perTrial = new Map<number, { slots: Slots; leases: number }>()

function sandboxesTogether(pool: RulePool): Slots {
  if (shared?.pool !== pool) {
    shared = { pool, slots: new Slots(() => defaultOwnerCap('sandbox', pool.workers)) }
  }
  return shared.slots
}

/** Tasks of all trials, or of one, running in this process's pool now (diagnostics, tests). */
export function sandboxLoad(sandboxId?: number): number {
  if (sandboxId === undefined) return shared?.slots.active ?? 0
  return perTrial.get(sandboxId)?.slots.active ?? 0
}

async function trialCap(sandboxId: number): Promise<number | null> {
  const row = await db
    .from('settlement_sandboxes')
    .where('id', sandboxId)
    .select('max_parallel_tasks')
    .first()
  return row ? Number(row.max_parallel_tasks) : null
}

/**
 * The pool lease of a run: production's as the pool gives it; a trial's
 * wrapped so each task waits for a slot of its trial and one of all trials.
 */
export async function leaseForRun(
  pool: RulePool,
  sandboxId: number | null,
  codeTag: string
): Promise<PoolLease> {
  if (sandboxId === null) return pool.lease('production', codeTag)
  const cap = (await trialCap(sandboxId)) ?? defaultOwnerCap('sandbox', pool.workers)
  const lease = pool.lease(`sandbox:${sandboxId}`, codeTag)
  const together = sandboxesTogether(pool)
  const trial = perTrial.get(sandboxId) ?? { slots: new Slots(() => cap), leases: 0 }
  perTrial.set(sandboxId, trial)
  trial.leases++
  let released = false
  return {
    ...lease,
    parallelism: Math.max(1, Math.min(lease.parallelism, cap, together.limit())),
    run: async <R>(task: RuleTask, options?: TaskOptions): Promise<R> => {
      await trial.slots.acquire()
      await together.acquire()
      try {
        return await lease.run<R>(task, options)
      } finally {
        together.release()
        trial.slots.release()
      }
    },
    release: () => {
      if (released) return
      released = true
      if (--trial.leases === 0) perTrial.delete(sandboxId)
      lease.release()
    },
  }
}
