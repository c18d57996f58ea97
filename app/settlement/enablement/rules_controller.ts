import { readFile } from 'node:fs/promises'
import app from '@adonisjs/core/services/app'
import { Exception } from '@adonisjs/core/exceptions'
import type { HttpContext } from '@adonisjs/core/http'
import { errors as vineErrors } from '@vinejs/vine'
import { listParallelRuns } from '#settlement/parallel/parallel_run_store'
import { changeEnablement, EnablementRefused } from './change_enablement.js'
import { enablementRecords } from './enablement_records.js'
import { installPluginArchive, PluginRejected } from './install_plugin.js'
import { ARCHIVE_LIMITS } from './plugin_archive.js'
import { lastTestRuns, runPluginTests } from './plugin_tests.js'
import { catalogueSummary, pluginDetail, summarisePlugin } from './rules_presenter.js'
import { rulesCatalogue } from './rules_catalogue.js'
import { RulesRuntimeProvider } from './rules_runtime_provider.js'
import { enablementValidator, uploadValidator } from './rules_validators.js'

/**
 * /admin/rules (issue 4 §3, §4): the installed Modification plugins, each
 * plugin's page, and — for admins — enabling or disabling from a date,
 * running a plugin's tests, uploading a plugin archive. Operators may look.
 */
function refused(field: string, message: string): never {
  throw new vineErrors.E_VALIDATION_ERROR([{ field, message, rule: 'server' }])
}

export default class RulesController {
  async #runtime() {
    const provider = await app.container.make(RulesRuntimeProvider)
    return provider.runtime()
  }

  async index({ inertia, auth }: HttpContext) {
    const runtime = await this.#runtime()
    const [catalogue, records, tests] = await Promise.all([
      rulesCatalogue(runtime),
      enablementRecords(),
      lastTestRuns(),
    ])
    return inertia.render('admin/rules/index', {
      ...catalogueSummary(catalogue),
      plugins: catalogue.plugins.map((plugin) =>
        summarisePlugin(plugin, records, tests.get(plugin.id), runtime.registry)
      ),
      canManage: auth.getUserOrFail().role === 'admin',
      uploadLimitMb: ARCHIVE_LIMITS.uploadBytes / 2 ** 20,
    })
  }

  async show({ inertia, auth, params }: HttpContext) {
    const runtime = await this.#runtime()
    const catalogue = await rulesCatalogue(runtime)
    const plugin = catalogue.plugins.find((p) => p.id === params.id)
    if (!plugin) throw new Exception(`No Modification "${params.id}" is installed`, { status: 404 })
    const [records, tests, parallelRuns] = await Promise.all([
      enablementRecords({ pluginId: plugin.id }),
      lastTestRuns(),
      listParallelRuns({ pluginId: plugin.id, limit: 10 }),
    ])
    return inertia.render('admin/rules/show', {
      ...catalogueSummary(catalogue),
      plugin: pluginDetail(plugin, records, tests.get(plugin.id), runtime.registry),
      canManage: auth.getUserOrFail().role === 'admin',
      parallelRuns,
    })
  }

  async changeEnablement({ request, response, session, auth, params }: HttpContext) {
    const payload = await request.validateUsing(enablementValidator)
    const user = auth.getUserOrFail()
    try {
      const record = await changeEnablement(
        {
          pluginId: params.id,
          action: payload.action,
          from: payload.from,
          reason: payload.reason,
          actor: user,
          ip: request.ip(),
        },
        await this.#runtime()
      )
      const verb = record.action === 'enable' ? 'enabled' : 'disabled'
      session.flash('success', `${record.pluginId} is ${verb} from ${record.effectiveFrom}`)
    } catch (error) {
      if (error instanceof EnablementRefused) refused(error.field, error.message)
      throw error
    }
    return response.redirect().back()
  }

  async runTests({ response, session, auth, params }: HttpContext) {
    const runtime = await this.#runtime()
    if (!runtime.registry.plugin(params.id)?.manifest) {
      session.flash(
        'error',
        `${params.id} cannot be tested: it is not installed with a valid manifest`
      )
      return response.redirect().back()
    }
    const run = await runPluginTests(runtime.registry, params.id, auth.getUserOrFail().email)
    const counts = `${run.passed} passed, ${run.failed} failed`
    session.flash(run.status === 'passed' ? 'success' : 'error', `Tests of ${params.id}: ${counts}`)
    return response.redirect().back()
  }

  async upload({ request, response, session, auth }: HttpContext) {
    const { archive } = await request.validateUsing(uploadValidator)
    const data = await readFile(archive.tmpPath!)
    try {
      const installed = await installPluginArchive(
        { fileName: archive.clientName, data },
        await this.#runtime(),
        auth.getUserOrFail()
      )
      const replaced = installed.previousVersion
        ? ` (replacing version ${installed.previousVersion})`
        : ''
      session.flash(
        'success',
        `${installed.id} version ${installed.version} is installed${replaced}`
      )
      return response.redirect(`/admin/rules/${installed.id}`)
    } catch (error) {
      if (!(error instanceof PluginRejected)) throw error
      refused('archive', error.message)
    }
  }
}
