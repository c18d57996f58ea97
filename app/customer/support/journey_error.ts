import { Exception } from '@adonisjs/core/exceptions'
import { errors as vineErrors } from '@vinejs/vine'
import type { HttpContext } from '@adonisjs/core/http'

/**
 * A transition refused by a journey rule (wrong state, four-eyes, last Cat A…).
 * API callers get 409 with the reason; portal users are sent back with the
 * reason as a flash message.
 */
export class JourneyError extends Exception {
  static status = 409
  static code = 'E_JOURNEY_REFUSED'

  async handle(error: this, ctx: HttpContext) {
    if (wantsJson(ctx)) {
      return ctx.response.status(error.status).send({ errors: [{ message: error.message }] })
    }
    ctx.session.flash('error', error.message)
    return ctx.response.redirect().back()
  }
}

/** The acting user may not do this (maker-checker, category missing): 403. */
export class NotAllowedError extends JourneyError {
  static status = 403
  static code = 'E_NOT_ALLOWED'
}

export function wantsJson(ctx: HttpContext): boolean {
  return (
    ctx.request.url().startsWith('/api/') ||
    (ctx.request.accepts(['html', 'json']) === 'json' && !ctx.request.header('x-inertia'))
  )
}

/**
 * A server-side check that belongs to one field (a GSP Group that does not
 * exist, overlapping dates): answered like any VineJS failure, 422 with the
 * field message, or back to the form with the error under the field.
 */
export function fieldError(field: string, message: string, rule = 'server'): never {
  fieldErrors([{ field, message }], rule)
}

/** Several server-side field checks failing at once, each under its own field. */
export function fieldErrors(errors: { field: string; message: string }[], rule = 'server'): never {
  throw new vineErrors.E_VALIDATION_ERROR(errors.map((error) => ({ ...error, rule })))
}
