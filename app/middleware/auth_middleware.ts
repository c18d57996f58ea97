import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import type { Authenticators } from '@adonisjs/auth/types'
import { errors } from '@adonisjs/auth'
import { endSession, hasPendingMfa } from '#core/auth/sign_in_session'
import { accessRefusal } from '#core/auth/access_checks'

/** A browser page (HTML or an Inertia visit) rather than a JSON caller. */
function wantsPage(ctx: HttpContext) {
  return ctx.request.accepts(['html', 'json']) !== 'json' || !!ctx.request.header('x-inertia')
}

/**
 * Denies unauthenticated requests. A browser is sent to /login (or, halfway
 * through an MFA sign-in, back to /login/mfa) and returns to the page it asked
 * for afterwards; JSON callers get 401.
 */
export default class AuthMiddleware {
  async handle(
    ctx: HttpContext,
    next: NextFn,
    options: { guards?: (keyof Authenticators)[] } = {}
  ) {
    const guards = options.guards ?? [ctx.auth.defaultGuard]
    if (await ctx.auth.checkUsing(guards)) {
      const refusal = await accessRefusal(ctx.auth.user!)
      if (!refusal) return next()
      return this.#refuse(ctx, refusal)
    }

    if (guards.includes('web') && wantsPage(ctx)) {
      const pending = hasPendingMfa(ctx.session)
      /* Keep a more specific reason flashed earlier in this request (a signed-out stale session). */
      if (!ctx.session.responseFlashMessages.has('error')) {
        ctx.session.flash(
          'error',
          pending
            ? 'Enter the code from your authenticator app to finish signing in.'
            : 'Sign in to continue.'
        )
      }
      return ctx.response
        .redirect()
        .withIntendedUrl()
        .toPath(pending ? '/login/mfa' : '/login')
    }
    throw new errors.E_UNAUTHORIZED_ACCESS('Unauthorized access', {
      guardDriverName: ctx.auth.use(guards[guards.length - 1]).driverName,
    })
  }

  /** Access ended (e.g. the party withdrew): a browser session is signed out; others get 403. */
  async #refuse(ctx: HttpContext, refusal: string) {
    if (ctx.auth.authenticatedViaGuard === 'web' && wantsPage(ctx)) {
      await endSession(ctx)
      ctx.session.flash('error', refusal)
      return ctx.response.redirect('/login')
    }
    return ctx.response.forbidden({ errors: [{ message: refusal }] })
  }
}
