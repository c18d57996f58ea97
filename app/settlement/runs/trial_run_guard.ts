import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import db from '@adonisjs/lucid/services/db'
import { RecordNotFoundException } from '#core/auth/party_scope'
import { seesAllParties } from '#core/auth/roles'

/**
 * Route middleware for every `/runs/:id…` route of the settlement API and
 * portal: a sandbox trial's run exists for BSC staff only (issue 4 §6); to a
 * party user it answers 404 like a run that does not exist. One check here
 * instead of one in each controller that reads a run.
 */
export async function hideTrialRuns(ctx: HttpContext, next: NextFn) {
  const runId = Number(ctx.params.id)
  const user = ctx.auth.user
  if (Number.isInteger(runId) && user && !seesAllParties(user.role)) {
    const run = await db.from('settlement_runs').where('id', runId).select('sandbox_id').first()
    if (run && run.sandbox_id !== null) throw new RecordNotFoundException()
  }
  return next()
}
