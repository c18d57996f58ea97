import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'

const ParallelRunsController = () => import('#settlement/parallel/parallel_runs_controller')

/* Parallel runs of Modification plugins (issue 4 §5): BSC operators and admins only. */
router
  .group(() => {
    router.get('/', [ParallelRunsController, 'index']).as('index')
    router.post('/', [ParallelRunsController, 'store']).as('store')
    router
      .get('/:id', [ParallelRunsController, 'show'])
      .where('id', router.matchers.number())
      .as('show')
  })
  .prefix('/settlement/parallel-runs')
  .use([middleware.auth(), middleware.mfa(), middleware.role({ roles: ['operator', 'admin'] })])
  .as('settlement.parallel_runs')
