import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import { requiresMfa } from '#core/auth/roles'

/**
 * Signatories, operators and admins must enrol an authenticator before they
 * can do anything else. Token-authenticated API calls are exempt: a token can
 * only be created from an MFA-verified session.
 */
export default class MfaMiddleware {
  enrolRoute = '/account/mfa/setup'

  async handle(ctx: HttpContext, next: NextFn) {
    const user = ctx.auth.user
    if (
      user &&
      ctx.auth.authenticatedViaGuard === 'web' &&
      requiresMfa(user.role) &&
      !user.mfaEnabledAt
    ) {
      if (ctx.request.accepts(['html', 'json']) === 'json' && !ctx.request.header('x-inertia')) {
        return ctx.response.forbidden({
          errors: [{ message: 'Multi-factor authentication must be set up first' }],
        })
      }
      ctx.session.flash('error', 'Set up multi-factor authentication to continue.')
      return ctx.response.redirect(this.enrolRoute)
    }
    return next()
  }
}
