import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'

/* Sandbox trials (issue 4 §6): BSC operators and admins only. */
const SandboxesController = () => import('#settlement/sandboxes/sandboxes_controller')

const id = router.matchers.number()

router
  .group(() => {
    router.get('/', [SandboxesController, 'index']).as('index')
    router.post('/', [SandboxesController, 'store']).as('store')
    router.get('/:id', [SandboxesController, 'show']).where('id', id).as('show')
    router.post('/:id/runs', [SandboxesController, 'run']).where('id', id).as('run')
    router.delete('/:id', [SandboxesController, 'destroy']).where('id', id).as('destroy')
  })
  .prefix('/settlement/sandboxes')
  .use([middleware.auth(), middleware.mfa(), middleware.role({ roles: ['operator', 'admin'] })])
  .as('settlement.sandboxes')
