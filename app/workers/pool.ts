import { availableParallelism } from 'node:os'
import { Piscina } from 'piscina'
import type { RuleTask } from './rule_tasks.js'

/**
 * The rule-worker pool (ARCHITECTURE.md §1, §4.7).
 *
 * Generations: ES modules cannot be unloaded, so new rule code means new
 * threads. `reload()` starts generation N+1 for every new lease; leases taken
 * earlier keep running on their generation, which closes once its last lease
 * is released. A run takes one lease, so all its tasks see the same code.
 * `reloadWhenReady()` (hot reload) first warms the new generation — loads and
 * validates the rules in it — and only then sends new leases to it.
 *
 * Owners: each task belongs to an owner ('production', 'sandbox:<id>', …)
 * with a cap on how many of its tasks may be in the pool at once, so a
 * sandbox trial queueing hundreds of tasks cannot starve production.
 */
export type PoolOwner = string

export interface RulePoolOptions {
  /** threads per generation (default: POOL_WORKERS or the CPU count) */
  workers?: number
  /** tasks an owner may have in the pool at once (default: all threads for production, half for others) */
  ownerCap?: (owner: PoolOwner, workers: number) => number
}

interface Generation {
  number: number
  /** identifies the rule code this generation's workers load (e.g. a hash of rules/) */
  codeTag?: string
  piscina: Piscina
  leases: number
  retired: boolean
  closing?: Promise<void>
}

interface OwnerSlots {
  active: number
  waiting: (() => void)[]
}

const WORKER_URL = new URL('./rule_worker.js', import.meta.url).href

/**
 * Under the TypeScript loader (development, tests, `node ace`), workers need
 * the same loader to import app and rule files; a built app runs plain JS.
 */
export function typeScriptLoaderArgs(): string[] {
  const underTypeScript = import.meta.url.endsWith('.ts')
  return underTypeScript ? [`--import=${import.meta.resolve('@poppinss/ts-exec')}`] : []
}

function workerExecArgv(): string[] {
  const hasLoader = process.execArgv.some((arg) => arg.includes('@poppinss/ts-exec'))
  return hasLoader ? process.execArgv : [...process.execArgv, ...typeScriptLoaderArgs()]
}

export function defaultOwnerCap(owner: PoolOwner, workers: number): number {
  return owner === 'production' ? workers : Math.max(1, Math.floor(workers / 2))
}

export class RulePool {
  readonly workers: number
  #ownerCap: (owner: PoolOwner, workers: number) => number
  #current: Generation
  /** a generation warming up for `reloadWhenReady`, not yet taking leases */
  #pending: Generation | undefined
  #lastNumber = 0
  #generations = new Set<Generation>()
  #owners = new Map<PoolOwner, OwnerSlots>()
  #closed = false

  constructor(options: RulePoolOptions = {}) {
    this.workers = Math.max(1, options.workers ?? availableParallelism())
    this.#ownerCap = options.ownerCap ?? defaultOwnerCap
    this.#current = this.#startGeneration()
  }

  get generation(): number {
    return this.#current.number
  }

  /** Whether the current generation, or one warming up, already runs this code. */
  runs(codeTag: string): boolean {
    return this.#current.codeTag === codeTag || this.#pending?.codeTag === codeTag
  }

  #startGeneration(): Generation {
    const number = ++this.#lastNumber
    const piscina = new Piscina({
      filename: WORKER_URL,
      name: 'default',
      minThreads: this.workers,
      maxThreads: this.workers,
      idleTimeout: Number.POSITIVE_INFINITY,
      execArgv: workerExecArgv(),
    })
    const generation: Generation = { number, piscina, leases: 0, retired: false }
    this.#generations.add(generation)
    return generation
  }

  /**
   * Pins the current generation for a sequence of tasks (one run). Release it
   * when done. With `codeTag` (a hash of the rule files), a change of rule code
   * since the generation started starts a new generation first, so a run never
   * executes stale modules.
   */
  lease(owner: PoolOwner = 'production', codeTag?: string): PoolLease {
    if (this.#closed) throw new Error('the rule pool is closed')
    if (codeTag !== undefined && this.#current.codeTag !== codeTag) {
      // A generation already warming for this code is used at once rather than a third one started.
      if (this.#pending?.codeTag === codeTag) this.#promote(this.#pending)
      else if (this.#current.codeTag !== undefined) this.reload()
      this.#current.codeTag = codeTag
    }
    return this.#leaseOn(this.#current, owner)
  }

  #leaseOn(generation: Generation, owner: PoolOwner): PoolLease {
    generation.leases++
    let released = false
    return {
      owner,
      generation: generation.number,
      parallelism: Math.min(this.workers, this.#ownerCap(owner, this.workers)),
      run: <R>(task: RuleTask, options?: TaskOptions) => {
        if (released) throw new Error('this pool lease was released')
        return this.#run<R>(generation, owner, task, options)
      },
      release: () => {
        if (released) return
        released = true
        generation.leases--
        this.#closeIfDrained(generation)
      },
    }
  }

  /** Starts a new generation (new rule code); older generations drain and close. */
  reload(): number {
    if (this.#closed) throw new Error('the rule pool is closed')
    // Newer code than any generation still warming: that one will never be current.
    if (this.#pending) this.#retire(this.#pending)
    this.#pending = undefined
    this.#promote(this.#startGeneration())
    return this.#current.number
  }

  /**
   * Hot reload: starts a generation for `codeTag`, runs `warm` on it (load
   * and validate the rules) and only then makes it current. Leases keep
   * going to the current generation meanwhile; if `warm` fails the new
   * generation closes and nothing changes. Resolves with the new generation's
   * number; a later reload overtaking this one wins.
   */
  async reloadWhenReady(
    codeTag: string | undefined,
    warm: (lease: PoolLease) => Promise<void>
  ): Promise<number> {
    if (this.#closed) throw new Error('the rule pool is closed')
    const candidate = this.#startGeneration()
    candidate.codeTag = codeTag
    if (this.#pending) this.#retire(this.#pending)
    this.#pending = candidate
    const lease = this.#leaseOn(candidate, 'production')
    try {
      await warm(lease)
    } catch (error) {
      if (this.#pending === candidate) this.#pending = undefined
      if (this.#current !== candidate) candidate.retired = true
      throw error
    } finally {
      lease.release()
    }
    if (this.#pending === candidate) this.#promote(candidate)
    return candidate.number
  }

  #promote(generation: Generation) {
    const old = this.#current
    this.#current = generation
    if (this.#pending === generation) this.#pending = undefined
    this.#retire(old)
  }

  #retire(generation: Generation) {
    generation.retired = true
    this.#closeIfDrained(generation)
  }

  /** Graceful shutdown: running tasks finish, then every thread stops. */
  async close(): Promise<void> {
    this.#closed = true
    await Promise.all([...this.#generations].map((generation) => this.#close(generation)))
  }

  /** An owner's tasks in the pool and waiting for a slot (diagnostics, tests). */
  ownerLoad(owner: PoolOwner): { active: number; waiting: number } {
    const slots = this.#owners.get(owner)
    return { active: slots?.active ?? 0, waiting: slots?.waiting.length ?? 0 }
  }

  /** Generations not yet closed, oldest first (diagnostics, tests). */
  liveGenerations(): number[] {
    return [...this.#generations].map((generation) => generation.number)
  }

  #closeIfDrained(generation: Generation) {
    if (generation.retired && generation.leases === 0) void this.#close(generation)
  }

  #close(generation: Generation): Promise<void> {
    generation.closing ??= generation.piscina
      .close()
      .finally(() => this.#generations.delete(generation))
    return generation.closing
  }

  async #run<R>(
    generation: Generation,
    owner: PoolOwner,
    task: RuleTask,
    options: TaskOptions = {}
  ): Promise<R> {
    await this.#acquire(owner)
    try {
      return (await generation.piscina.run(task, { signal: options.signal })) as R
    } finally {
      this.#releaseSlot(owner)
    }
  }

  #acquire(owner: PoolOwner): Promise<void> | void {
    const slots = this.#owners.get(owner) ?? { active: 0, waiting: [] }
    this.#owners.set(owner, slots)
    if (slots.active < this.#ownerCap(owner, this.workers)) {
      slots.active++
      return
    }
    return new Promise((resolve) => slots.waiting.push(resolve))
  }

  #releaseSlot(owner: PoolOwner) {
    const slots = this.#owners.get(owner)!
    const next = slots.waiting.shift()
    if (next) return next() // the slot passes straight to the next waiting task
    slots.active--
    if (slots.active === 0) this.#owners.delete(owner)
  }
}

export interface TaskOptions {
  /** aborting stops the task's worker thread (e.g. a plugin import that never finishes) */
  signal?: AbortSignal
}

export interface PoolLease {
  owner: PoolOwner
  generation: number
  /** how many of this owner's tasks can run at once */
  parallelism: number
  run<R>(task: RuleTask, options?: TaskOptions): Promise<R>
  release(): void
}
