import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'
import { hideTrialRuns } from '#settlement/runs/trial_run_guard'
import '#settlement/enablement/routes'
import '#settlement/parallel/routes'
import '#settlement/sandboxes/routes'
import './portal_routes.js'
import './dashboard_widget.js'

const RunsController = () => import('#settlement/controllers/runs_controller')
const ResultsController = () => import('#settlement/controllers/results_controller')
const StatementsController = () => import('#settlement/controllers/statements_controller')
const TraceController = () => import('#settlement/controllers/trace_controller')

const id = router.matchers.number()
const staff = middleware.role({ roles: ['operator', 'admin'] })

/* JSON API behind the portal's settlement pages (issue 3 §8). */
router
  .group(() => {
    router.get('/runs', [RunsController, 'index']).as('runs.index')
    router.post('/runs', [RunsController, 'store']).use(staff).as('runs.store')
    router.get('/runs/latest', [RunsController, 'latest']).as('runs.latest')
    router.get('/runs/:id', [RunsController, 'show']).where('id', id).as('runs.show')
    router
      .get('/runs/:id/diff/:other', [RunsController, 'diff'])
      .where('id', id)
      .where('other', id)
      .use(staff)
      .as('runs.diff')
    router
      .get('/runs/:id/system-prices', [ResultsController, 'systemPrices'])
      .where('id', id)
      .as('runs.system_prices')
    router.get('/runs/:id/stack', [ResultsController, 'stack']).where('id', id).as('runs.stack')
    router
      .get('/runs/:id/party-totals', [ResultsController, 'partyTotals'])
      .where('id', id)
      .as('runs.party_totals')
    router
      .get('/runs/:id/statements/:partyId', [StatementsController, 'show'])
      .where('id', id)
      .where('partyId', /^[A-Za-z0-9_-]{1,12}$/)
      .as('runs.statement')
    router.get('/runs/:id/trace', [TraceController, 'show']).where('id', id).as('runs.trace')
    router
      .get('/stage-analytics', [ResultsController, 'stageSeries'])
      .use(staff)
      .as('stage_analytics')
  })
  .prefix('/settlement/api')
  .use([middleware.auth(), middleware.mfa(), hideTrialRuns])
  .as('settlement.api')
