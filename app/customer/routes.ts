import router from '@adonisjs/core/services/router'
import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import { middleware } from '#start/kernel'
import { CUSTOMER_ROUTES, type ControllerName } from './route_table.js'
import './dashboard_widget.js'
import './access_check.js'

const controllers: Record<ControllerName, () => Promise<{ default: any }>> = {
  entry: () => import('#customer/controllers/entry_controller'),
  signatories: () => import('#customer/controllers/signatories_controller'),
  account: () => import('#customer/controllers/account_controller'),
  roles: () => import('#customer/controllers/roles_controller'),
  assets: () => import('#customer/controllers/assets_controller'),
  credit: () => import('#customer/controllers/credit_controller'),
  exit: () => import('#customer/controllers/exit_controller'),
  operator: () => import('#customer/controllers/operator_controller'),
  documents: () => import('#customer/controllers/documents_controller'),
}
const OpenApiController = () => import('#customer/controllers/openapi_controller')

const PARAM_MATCHERS = {
  id: router.matchers.number(),
  partyId: { match: /^[A-Z0-9-]{3,12}$/ },
  token: { match: /^[A-Za-z0-9_-]{20,100}$/ },
}

/** API callers always get JSON (errors included), whatever Accept header they send. */
async function answerJson(ctx: HttpContext, next: NextFn) {
  ctx.request.request.headers.accept = 'application/json'
  return next()
}

function register(prefix: string, api: boolean) {
  for (const route of CUSTOMER_ROUTES) {
    const definition = router[route.method](`${prefix}${route.path === '/' ? '' : route.path}`, [
      controllers[route.controller],
      route.handler,
    ]).as(`${api ? 'api.customer' : 'customer'}.${route.controller}.${route.handler}`)
    for (const [param, matcher] of Object.entries(PARAM_MATCHERS)) {
      if (route.path.includes(`:${param}`)) definition.where(param, matcher)
    }
    const stack = []
    if (api) stack.push(answerJson)
    if (route.access !== 'public') {
      stack.push(api ? middleware.auth({ guards: ['api'] }) : middleware.auth(), middleware.mfa())
    }
    if (route.access === 'operator') stack.push(middleware.role({ roles: ['operator', 'admin'] }))
    definition.use(stack)
  }
}

register('/customer', false)
register('/api/v1/customer', true)
router.get('/api/v1/customer/openapi.json', [OpenApiController, 'show']).as('api.customer.openapi')
