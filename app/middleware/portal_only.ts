import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'

/**
 * The public Insights API (/bmrs/api/*) is keyless and stateless: it needs no
 * session, CSRF secret, auth, Inertia or static-file lookup. Creating those on
 * every request halved its throughput, so portal middleware is wrapped to step
 * aside for it.
 */
export function isPublicApi(ctx: HttpContext): boolean {
  return ctx.request.url().startsWith('/bmrs/api/')
}

interface MiddlewareClass {
  new (...args: any[]): { handle(ctx: HttpContext, next: NextFn, options?: any): any }
}

/** A lazily imported middleware that runs for every request except the public API's. */
export function portalOnly(load: () => Promise<{ default: MiddlewareClass }>) {
  return async () => ({
    default: class PortalOnlyMiddleware {
      async handle(ctx: HttpContext, next: NextFn) {
        if (isPublicApi(ctx)) return next()
        const { default: Middleware } = await load()
        const middleware = await ctx.containerResolver.make(Middleware)
        return middleware.handle(ctx, next)
      }
    },
  })
}
