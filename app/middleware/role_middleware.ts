import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import type { Role } from '#core/auth/roles'

/** Route-level role gate: `middleware.role({ roles: ['operator', 'admin'] })`. */
export default class RoleMiddleware {
  async handle(ctx: HttpContext, next: NextFn, options: { roles: Role[] }) {
    const user = ctx.auth.getUserOrFail()
    if (!options.roles.includes(user.role)) {
      return ctx.response.notFound({ errors: [{ message: 'Not found' }] })
    }
    return next()
  }
}
