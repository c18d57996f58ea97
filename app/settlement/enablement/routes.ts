import app from '@adonisjs/core/services/app'
import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'
import { RuleRegistry } from '#rules_runtime/registry'
import { startedRulePool } from '#workers/rule_pool_service'
import { defaultRuntime } from '#settlement/runs/runtime'
import { watchRules } from './hot_reload.js'

const RulesController = () => import('#settlement/enablement/rules_controller')

const pluginId = /^[a-z0-9_]{1,64}$/
const admin = middleware.role({ roles: ['admin'] })

/* Modification plugins (issue 4 §3–4): operators and admins see them; admins change them. */
router
  .group(() => {
    router.get('/admin/rules', [RulesController, 'index']).as('index')
    router.post('/admin/rules/uploads', [RulesController, 'upload']).use(admin).as('uploads.store')
    router.get('/admin/rules/:id', [RulesController, 'show']).where('id', pluginId).as('show')
    router
      .post('/admin/rules/:id/enablements', [RulesController, 'changeEnablement'])
      .where('id', pluginId)
      .use(admin)
      .as('enablements.store')
    router
      .post('/admin/rules/:id/tests', [RulesController, 'runTests'])
      .where('id', pluginId)
      .use(admin)
      .as('tests.run')
  })
  .use([middleware.auth(), middleware.mfa(), middleware.role({ roles: ['operator', 'admin'] })])
  .as('admin.rules')

/*
 * Hot reload in the web server: rule folders are watched from boot, and once
 * a pool runs, each change loads into a new pool generation (hot_reload.ts).
 */
if (app.getEnvironment() === 'web') {
  const watching = watchRules(() => (startedRulePool() ? defaultRuntime() : undefined), {
    dirs: new RuleRegistry().watchedDirs,
  })
  app.terminating(() => watching.close())
}
