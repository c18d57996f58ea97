/**
 * Every customer route once: registered under /customer (portal, session) and
 * /api/v1/customer (API, personal access tokens), and described in the OpenAPI
 * document from the same entries and the same validators.
 */
import { ENTRY_ROUTES } from './route_table/entry_routes.js'
import { SIGNATORY_ROUTES } from './route_table/signatory_routes.js'
import { ACCOUNT_ROUTES } from './route_table/account_routes.js'
import { ROLE_ROUTES } from './route_table/role_routes.js'
import { ASSET_ROUTES } from './route_table/asset_routes.js'
import { CREDIT_ROUTES } from './route_table/credit_routes.js'
import { EXIT_ROUTES } from './route_table/exit_routes.js'

export type { Access, ControllerName, CustomerRoute } from './route_table/route.js'

export const CUSTOMER_ROUTES = [
  ...ENTRY_ROUTES,
  ...SIGNATORY_ROUTES,
  ...ACCOUNT_ROUTES,
  ...ROLE_ROUTES,
  ...ASSET_ROUTES,
  ...CREDIT_ROUTES,
  ...EXIT_ROUTES,
]
