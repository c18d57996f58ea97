import app from '@adonisjs/core/services/app'
import { Exception } from '@adonisjs/core/exceptions'
import type { HttpContext } from '@adonisjs/core/http'
import logger from '@adonisjs/core/services/logger'
import db from '@adonisjs/lucid/services/db'
import { errors as vineErrors } from '@vinejs/vine'
import { rulesCatalogue } from '#settlement/enablement/rules_catalogue'
import { RulesRuntimeProvider } from '#settlement/enablement/rules_runtime_provider'
import { ParallelRunRefused } from './parallel_plan.js'
import { findParallelRun, listParallelRuns } from './parallel_run_store.js'
import { parallelRunValidator } from './parallel_run_validator.js'
import { startParallelRun } from './run_parallel.js'

/**
 * /settlement/parallel-runs (issue 4 §5): the stored reports, a form to try
 * a plugin against the rules in force over a few days, and each report on
 * its own linkable page. The run itself goes on in the background on the
 * rule pool; its page shows it running until the report is stored.
 */
export default class ParallelRunsController {
  async #runtime() {
    const provider = await app.container.make(RulesRuntimeProvider)
    return provider.runtime()
  }

  async index({ inertia, request }: HttpContext) {
    const catalogue = await rulesCatalogue(await this.#runtime())
    const plugins = catalogue.plugins
      .filter((plugin) => plugin.manifest && !plugin.problems.length)
      .map(({ manifest }) => ({
        id: manifest!.id,
        title: manifest!.title,
        version: manifest!.version,
        mode: manifest!.mode,
      }))
    const wanted = String(request.qs().plugin ?? '')
    const plugin = plugins.some((p) => p.id === wanted) ? wanted : null
    const latest = await db
      .from('settlement_metered_volumes')
      .max('settlement_date as date')
      .first()
    return inertia.render('settlement/parallel_runs/index', {
      runs: await listParallelRuns({ pluginId: plugin ?? undefined }),
      plugins,
      selectedPlugin: plugin,
      latestDate: (latest?.date as string | null) ?? null,
    })
  }

  async store({ request, response, session, auth }: HttpContext) {
    const input = await request.validateUsing(parallelRunValidator)
    try {
      const { id, finished } = await startParallelRun(
        { pluginId: input.plugin, from: input.from, to: input.to, requestedBy: auth.user!.email },
        { runtime: await this.#runtime() }
      )
      finished.catch((error) => logger.error({ err: error, id }, 'parallel run crashed'))
      session.flash('success', `Parallel run ${id} of ${input.plugin} started`)
      return response.redirect(`/settlement/parallel-runs/${id}`)
    } catch (error) {
      if (!(error instanceof ParallelRunRefused)) throw error
      throw new vineErrors.E_VALIDATION_ERROR([
        { field: error.field, message: error.message, rule: 'server' },
      ])
    }
  }

  async show({ inertia, params }: HttpContext) {
    const run = await findParallelRun(Number(params.id))
    if (!run) throw new Exception(`No parallel run ${params.id}`, { status: 404 })
    return inertia.render('settlement/parallel_runs/show', { run })
  }
}
