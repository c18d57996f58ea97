import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import { endSession, sessionEpochIsCurrent } from '#core/auth/sign_in_session'

/**
 * Loads the signed-in user, if any, on every request, and signs out a
 * session that began before the user's password last changed.
 */
export default class SilentAuthMiddleware {
  async handle(ctx: HttpContext, next: NextFn) {
    if (await ctx.auth.check()) {
      const user = ctx.auth.user!
      if (!sessionEpochIsCurrent(ctx.session, user)) {
        await endSession(ctx)
        ctx.session.flash('error', 'Your password was changed. Sign in again.')
      }
    }
    return next()
  }
}
