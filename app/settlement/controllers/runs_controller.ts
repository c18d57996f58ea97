import type { HttpContext } from '@adonisjs/core/http'
import logger from '@adonisjs/core/services/logger'
import { createRun, RunRequestError } from '#settlement/actions/create_run'
import { executeRun } from '#settlement/actions/execute_run'
import { diffRuns, DiffRunNotFound } from '#settlement/actions/diff_runs'
import { findRun, latestRunFor, listRuns, runDetail } from '#settlement/queries/runs'
import {
  diffValidator,
  latestRunValidator,
  listRunsValidator,
  startRunValidator,
} from '#settlement/validators/runs_validators'

/** Runs for the portal: list, detail, latest, start (operators) and diff (operators). */
export default class RunsController {
  async index({ request }: HttpContext) {
    return listRuns(await request.validateUsing(listRunsValidator))
  }

  async show({ params, response }: HttpContext) {
    const run = await runDetail(Number(params.id))
    return run ?? response.notFound({ errors: [{ message: 'Run not found' }] })
  }

  async latest({ request, response }: HttpContext) {
    const { date } = await request.validateUsing(latestRunValidator)
    const run = await latestRunFor(date)
    return run ?? response.notFound({ errors: [{ message: `No successful run for ${date}` }] })
  }

  /** Queues a run; with `wait` it answers when the run has finished. */
  async store({ request, response, auth }: HttpContext) {
    const { wait, ...input } = await request.validateUsing(startRunValidator)
    let runId: number
    try {
      runId = await createRun({ ...input, requestedBy: auth.getUserOrFail().email })
    } catch (error) {
      if (!(error instanceof RunRequestError)) throw error
      return response.unprocessableEntity({
        errors: [{ field: error.field, message: error.message }],
      })
    }
    if (wait) {
      await executeRun(runId)
      return response.created(await findRun(runId))
    }
    executeRun(runId).catch((error) =>
      logger.error({ err: error, runId }, 'settlement run crashed')
    )
    return response.accepted(await findRun(runId))
  }

  async diff({ params, request, response }: HttpContext) {
    const { top } = await request.validateUsing(diffValidator)
    try {
      return await diffRuns(Number(params.id), Number(params.other), { top })
    } catch (error) {
      if (!(error instanceof DiffRunNotFound)) throw error
      return response.notFound({ errors: [{ message: 'Both runs must exist and have succeeded' }] })
    }
  }
}
