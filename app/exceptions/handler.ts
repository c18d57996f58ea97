import app from '@adonisjs/core/services/app'
import type { HttpContext } from '@adonisjs/core/http'
import { ExceptionHandler } from '@adonisjs/core/http'
import type { StatusPageRange, StatusPageRenderer } from '@adonisjs/core/types/http'
import { isPublicApi } from '#middleware/portal_only'
import { problemBody } from '#insights/index'

/**
 * Portal pages get Inertia error pages; JSON callers get `{errors:[{message}]}`.
 * The public Insights API answers in Elexon's problem-details shape: its own
 * errors render themselves; anything unexpected becomes a problem body here
 * (that API runs without the Inertia middleware).
 */
export default class HttpExceptionHandler extends ExceptionHandler {
  protected debug = !app.inProduction && !app.inTest
  protected renderStatusPages = true

  protected statusPages: Record<StatusPageRange, StatusPageRenderer> = {
    '404': (error, { inertia }) => inertia.render('errors/not_found', { message: error.message }),
    '500..599': (error, { inertia }) =>
      inertia.render('errors/server_error', {
        message: app.inProduction ? 'Something went wrong' : error.message,
      }),
  }

  async handle(error: unknown, ctx: HttpContext) {
    const selfRendering = typeof (error as { handle?: unknown })?.handle === 'function'
    if (isPublicApi(ctx) && !selfRendering) {
      const status = Number((error as { status?: number })?.status) || 500
      return ctx.response
        .status(status)
        .header('content-type', 'application/problem+json; charset=utf-8')
        .send(JSON.stringify(problemBody(status, ctx.request.id())))
    }
    return super.handle(error, ctx)
  }

  async report(error: unknown, ctx: HttpContext) {
    return super.report(error, ctx)
  }
}
