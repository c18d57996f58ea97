import type { HttpContext } from '@adonisjs/core/http'
import { scopeToParty } from '#core/auth/party_scope'
import { findRun } from '#settlement/queries/runs'
import { partyTotals, stack, systemPrices } from '#settlement/queries/results'
import { stageSeries } from '#settlement/queries/stage_analytics'
import { stackValidator, stageSeriesValidator } from '#settlement/validators/runs_validators'

/** Published results of a run and stage analytics across runs. */
export default class ResultsController {
  async systemPrices({ params, response }: HttpContext) {
    if (!(await findRun(Number(params.id))))
      return response.notFound({ errors: [{ message: 'Run not found' }] })
    return { data: await systemPrices(Number(params.id)) }
  }

  async stack({ params, request, response }: HttpContext) {
    const { period, side } = await request.validateUsing(stackValidator)
    if (!(await findRun(Number(params.id))))
      return response.notFound({ errors: [{ message: 'Run not found' }] })
    return { data: await stack(Number(params.id), period, side) }
  }

  /** Daily charges: every party for BSC staff, the user's own party otherwise. */
  async partyTotals({ params, response, auth }: HttpContext) {
    const runId = Number(params.id)
    if (!(await findRun(runId)))
      return response.notFound({ errors: [{ message: 'Run not found' }] })
    const user = auth.getUserOrFail()
    return { data: await partyTotals(runId, (query) => scopeToParty(query, user)) }
  }

  async stageSeries({ request }: HttpContext) {
    return { data: await stageSeries(await request.validateUsing(stageSeriesValidator)) }
  }
}
