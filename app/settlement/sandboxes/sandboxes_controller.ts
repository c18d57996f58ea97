import type { HttpContext } from '@adonisjs/core/http'
import logger from '@adonisjs/core/services/logger'
import { errors as vineErrors } from '@vinejs/vine'
import { RecordNotFoundException } from '#core/auth/party_scope'
import { rulesCatalogue } from '#settlement/enablement/rules_catalogue'
import { datesWithInputs } from '#settlement/queries/runs_page'
import { RUN_TYPES } from '#settlement/runs/run_types'
import { compareSandbox } from './compare_sandbox.js'
import { createSandbox } from './create_sandbox.js'
import { deleteSandbox } from './delete_sandbox.js'
import { executeQueuedRuns, queueSandboxRuns } from './run_sandbox.js'
import {
  findSandbox,
  listSandboxes,
  sandboxDays,
  SandboxError,
  sandboxRuns,
} from './sandbox_queries.js'
import { createSandboxValidator, runSandboxValidator } from './sandbox_validators.js'

/**
 * /settlement/sandboxes (issue 4 §6): the trials with a create form; one
 * trial with its copied days, its runs, a run button, the comparison with
 * production and delete. Runs execute in the background on the rule pool.
 */
function refused(error: unknown): never {
  if (!(error instanceof SandboxError)) throw error
  throw new vineErrors.E_VALIDATION_ERROR([
    { field: error.field, message: error.message, rule: 'server' },
  ])
}

export default class SandboxesController {
  async index({ inertia }: HttpContext) {
    const catalogue = await rulesCatalogue()
    return inertia.render('settlement/sandboxes/index', {
      sandboxes: await listSandboxes(),
      plugins: catalogue.plugins
        .filter((plugin) => plugin.manifest && plugin.problems.length === 0)
        .map((plugin) => ({
          id: plugin.id,
          title: plugin.manifest!.title,
          version: plugin.manifest!.version,
          mode: plugin.manifest!.mode,
          conflicts: plugin.manifest!.conflicts,
          requires: plugin.manifest!.requires,
        })),
      datesWithInputs: await datesWithInputs(),
    })
  }

  async store({ request, response, session, auth }: HttpContext) {
    const input = await request.validateUsing(createSandboxValidator)
    const user = auth.getUserOrFail()
    const sandbox = await createSandbox({
      ...input,
      pluginIds: input.pluginIds ?? [],
      owner: { id: user.id, email: user.email },
      ip: request.ip(),
    }).catch(refused)
    session.flash('success', `Sandbox "${sandbox.name}" created (${sandbox.ruleSetKey})`)
    return response.redirect(`/settlement/sandboxes/${sandbox.id}`)
  }

  async show({ params, inertia }: HttpContext) {
    const sandbox = await findSandbox(Number(params.id))
    if (!sandbox) throw new RecordNotFoundException()
    const runs = await sandboxRuns(sandbox.id)
    const compared = runs.some((run) => run.status === 'succeeded')
    return inertia.render('settlement/sandboxes/show', {
      sandbox,
      days: await sandboxDays(sandbox.id),
      runs,
      running: runs.some((run) => run.status === 'queued' || run.status === 'running'),
      comparison: compared ? await compareSandbox(sandbox.id) : null,
      runTypes: [...RUN_TYPES],
    })
  }

  async run({ params, request, response, session, auth }: HttpContext) {
    const { runType } = await request.validateUsing(runSandboxValidator)
    const user = auth.getUserOrFail()
    if (!(await findSandbox(Number(params.id)))) throw new RecordNotFoundException()
    const queued = await queueSandboxRuns(Number(params.id), {
      runType,
      actor: { id: user.id, email: user.email },
      ip: request.ip(),
    }).catch(refused)
    executeQueuedRuns(queued).catch((error) =>
      logger.error({ err: error, sandboxId: queued.sandbox.id }, 'sandbox run crashed')
    )
    session.flash(
      'success',
      `Sandbox "${queued.sandbox.name}": ${queued.runs.length} run(s) started`
    )
    return response.redirect(`/settlement/sandboxes/${queued.sandbox.id}`)
  }

  async destroy({ params, request, response, session, auth }: HttpContext) {
    const user = auth.getUserOrFail()
    const sandbox = await findSandbox(Number(params.id))
    if (!sandbox) throw new RecordNotFoundException()
    const deleted = await deleteSandbox(
      sandbox.id,
      { id: user.id, email: user.email },
      request.ip()
    ).catch(refused)
    session.flash('success', `Sandbox "${deleted.name}" deleted with its ${deleted.runs} run(s)`)
    return response.redirect('/settlement/sandboxes')
  }
}
