import type { HttpContext } from '@adonisjs/core/http'
import logger from '@adonisjs/core/services/logger'
import { assertPartyAccess, RecordNotFoundException } from '#core/auth/party_scope'
import { seesAllParties } from '#core/auth/roles'
import { TraceError } from '#rules_runtime/trace'
import { createRun, RunRequestError } from '#settlement/actions/create_run'
import { executeRun } from '#settlement/actions/execute_run'
import {
  traceRunValue,
  TraceNotFound,
  type TraceRequest,
} from '#settlement/actions/trace_run_value'
import { runPage } from '#settlement/queries/run_page'
import { runsPage } from '#settlement/queries/runs_page'
import { RUN_TYPES } from '#settlement/runs/run_types'
import {
  runPageValidator,
  runsPageValidator,
  startRunFormValidator,
} from '#settlement/validators/portal_validators'

/**
 * The settlement portal's run pages: the list (operators start runs from
 * it), and one run with its manifest, live stages, prices, stacks, party
 * totals, stage analytics and traces. Runs execute in the background on the
 * rule pool; this process never imports rule code.
 */
export default class RunPagesController {
  /** /settlement: BSC staff land on the runs, a party's users on their statements. */
  async home({ auth, response }: HttpContext) {
    const staff = seesAllParties(auth.getUserOrFail().role)
    return response.redirect(staff ? '/settlement/runs' : '/settlement/statements')
  }

  async index({ request, inertia, auth }: HttpContext) {
    const filters = await request.validateUsing(runsPageValidator)
    const page = await runsPage(filters)
    return inertia.render('settlement/runs/index', {
      filters: {
        from: filters.from ?? null,
        to: filters.to ?? null,
        runType: filters.runType ?? null,
        status: filters.status ?? null,
      },
      runs: page.runs,
      meta: { currentPage: page.page, lastPage: page.lastPage, total: page.total },
      latestIds: page.latestIds,
      datesWithInputs: page.datesWithInputs,
      runTypes: [...RUN_TYPES],
      canStart: seesAllParties(auth.getUserOrFail().role),
    })
  }

  /** Operators only (route middleware): queue the run, execute it in the background, open its page. */
  async store({ request, response, session, auth }: HttpContext) {
    const input = await request.validateUsing(startRunFormValidator)
    let runId: number
    try {
      runId = await createRun({
        ...input,
        ruleSetKey: input.ruleSetKey || undefined,
        requestedBy: auth.getUserOrFail().email,
      })
    } catch (error) {
      if (!(error instanceof RunRequestError)) throw error
      session.flashAll()
      session.flash('inputErrorsBag', { [error.field]: [error.message] })
      return response.redirect().back()
    }
    executeRun(runId).catch((error) =>
      logger.error({ err: error, runId }, 'settlement run crashed')
    )
    session.flash('success', `Run ${runId} started: ${input.runType} for ${input.settlementDate}`)
    return response.redirect(`/settlement/runs/${runId}`)
  }

  async show({ params, request, inertia, auth }: HttpContext) {
    const input = await request.validateUsing(runPageValidator)
    const user = auth.getUserOrFail()
    if (input.trace === 'party_charge') assertPartyAccess(user, input.party)
    const runId = Number(params.id)
    const page = await runPage(runId, user, { period: input.period })
    if (!page) throw new RecordNotFoundException()
    let trace = null
    if (input.trace && page.run.status === 'succeeded') {
      const wanted: TraceRequest =
        input.trace === 'system_price'
          ? { kind: 'system_price', period: input.period! }
          : { kind: 'party_charge', party: input.party!, charge: input.charge! }
      try {
        trace = { request: wanted, result: await traceRunValue(runId, wanted), error: null }
      } catch (error) {
        if (!(error instanceof TraceNotFound || error instanceof TraceError)) throw error
        trace = { request: wanted, result: null, error: error.message }
      }
    }
    return inertia.render('settlement/runs/show', { ...page, trace })
  }
}
