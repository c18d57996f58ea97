import app from '@adonisjs/core/services/app'
import type { HttpContext } from '@adonisjs/core/http'
import { ExceptionHandler } from '@adonisjs/core/http'
import type { StatusPageRange, StatusPageRenderer } from '@adonisjs/core/types/http'

/**
 * Portal pages get Inertia error pages; JSON callers get `{errors:[{message}]}`.
 * The public Insights API formats its own 400s (Elexon's envelope) in its controllers.
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
    return super.handle(error, ctx)
  }

  async report(error: unknown, ctx: HttpContext) {
    return super.report(error, ctx)
  }
}
