import app from '@adonisjs/core/services/app'
import env from '#start/env'
import { RulePool } from './pool.js'

/**
 * The application's one rule pool, started on first use (an HTTP process that
 * never runs settlement starts no threads) and closed gracefully when the
 * application terminates.
 */
let pool: RulePool | undefined

/** The pool if something in this process started it (a hot reload has nothing to do otherwise). */
export function startedRulePool(): RulePool | undefined {
  return pool
}

export function rulePool(): RulePool {
  if (!pool) {
    const started = new RulePool({ workers: env.get('POOL_WORKERS') })
    pool = started
    app.terminating(async () => {
      if (pool === started) pool = undefined
      await started.close()
    })
  }
  return pool
}
