/*
| HTTP kernel: global server middleware, router middleware and the named
| middleware routes may ask for. Portal middleware steps aside for the public
| Insights API (see app/middleware/portal_only.ts).
*/
import router from '@adonisjs/core/services/router'
import server from '@adonisjs/core/services/server'
import { portalOnly } from '#middleware/portal_only'

server.errorHandler(() => import('#exceptions/handler'))

server.use([
  () => import('#middleware/container_bindings_middleware'),
  portalOnly(() => import('@adonisjs/static/static_middleware')),
  () => import('@adonisjs/cors/cors_middleware'),
  portalOnly(() => import('@adonisjs/vite/vite_middleware')),
  portalOnly(() => import('#middleware/inertia_middleware')),
])

router.use([
  () => import('@adonisjs/core/bodyparser_middleware'),
  portalOnly(() => import('@adonisjs/session/session_middleware')),
  portalOnly(() => import('@adonisjs/shield/shield_middleware')),
  portalOnly(() => import('@adonisjs/auth/initialize_auth_middleware')),
  portalOnly(() => import('#middleware/initialize_bouncer_middleware')),
  portalOnly(() => import('#middleware/silent_auth_middleware')),
])

export const middleware = router.named({
  guest: () => import('#middleware/guest_middleware'),
  auth: () => import('#middleware/auth_middleware'),
  mfa: () => import('#middleware/mfa_middleware'),
  role: () => import('#middleware/role_middleware'),
})
