/**
 * Errors of the public Insights API in the shape Elexon's ASP.NET service
 * answers with: RFC 9457 problem details, validation errors keyed by parameter
 * (`{type, title, status, errors: {settlementDate: ["…"]}, traceId}`).
 */
import { Exception } from '@adonisjs/core/exceptions'
import type { HttpContext } from '@adonisjs/core/http'

const TYPES: Record<number, [string, string]> = {
  400: [
    'https://tools.ietf.org/html/rfc9110#section-15.5.1',
    'One or more validation errors occurred.',
  ],
  404: ['https://tools.ietf.org/html/rfc9110#section-15.5.5', 'Not Found'],
}

export function problemBody(
  status: number,
  requestId: string | undefined,
  errors?: Record<string, string[]>,
  detail?: string
) {
  const [type, title] = TYPES[status] ?? ['about:blank', 'Error']
  return {
    type,
    title,
    status,
    ...(detail ? { detail } : {}),
    ...(errors ? { errors } : {}),
    traceId: requestId ?? null,
  }
}

export class ApiProblem extends Exception {
  constructor(
    status: number,
    readonly errors?: Record<string, string[]>,
    readonly detail?: string
  ) {
    super(
      detail ??
        Object.values(errors ?? {})
          .flat()
          .join('; '),
      { status }
    )
  }

  /** A 400 naming one parameter. */
  static badRequest(parameter: string, message: string) {
    return new ApiProblem(400, { [parameter]: [message] })
  }

  static notFound(detail: string) {
    return new ApiProblem(404, undefined, detail)
  }

  async handle(error: this, ctx: HttpContext) {
    const body = problemBody(error.status, ctx.request.id(), error.errors, error.detail)
    ctx.response
      .status(error.status)
      .header('content-type', 'application/problem+json; charset=utf-8')
      .send(JSON.stringify(body))
  }
}
