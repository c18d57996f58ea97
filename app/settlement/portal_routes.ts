import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'
import { hideTrialRuns } from '#settlement/runs/trial_run_guard'

/* The settlement portal pages (issue 3 §5), server-rendered with Inertia. */
const RunPagesController = () => import('#settlement/controllers/run_pages_controller')
const RunEventsController = () => import('#settlement/controllers/run_events_controller')
const StatementPagesController = () => import('#settlement/controllers/statement_pages_controller')
const AnalysisPagesController = () => import('#settlement/controllers/analysis_pages_controller')

const id = router.matchers.number()
const partyId = /^[A-Za-z0-9_-]{1,12}$/
const staff = middleware.role({ roles: ['operator', 'admin'] })

router
  .group(() => {
    router.get('/', [RunPagesController, 'home']).as('home')
    router.get('/runs', [RunPagesController, 'index']).as('runs')
    router.post('/runs', [RunPagesController, 'store']).use(staff).as('runs.start')
    router.get('/runs/:id', [RunPagesController, 'show']).where('id', id).as('run')
    router.get('/runs/:id/events', [RunEventsController, 'stream']).where('id', id).as('run.events')
    router.get('/statements', [StatementPagesController, 'index']).as('statements')
    router
      .get('/runs/:id/statements/:partyId', [StatementPagesController, 'show'])
      .where('id', id)
      .where('partyId', partyId)
      .as('statement')
    router
      .get('/runs/:id/statements/:partyId/download', [StatementPagesController, 'download'])
      .where('id', id)
      .where('partyId', partyId)
      .as('statement.download')
    router.get('/diff', [AnalysisPagesController, 'diff']).use(staff).as('diff')
    router.get('/analytics', [AnalysisPagesController, 'trends']).use(staff).as('analytics')
  })
  .prefix('/settlement')
  .use([middleware.auth(), middleware.mfa(), hideTrialRuns])
  .as('settlement')
