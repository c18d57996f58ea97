import type { HttpContext } from '@adonisjs/core/http'
import type { Body } from './formats.js'
import { cachedBody } from './response_cache.js'

/** Sends a serialised body as is (no re-encoding): the bytes the cache holds are the bytes sent. */
export function sendBody({ response }: HttpContext, body: Body) {
  response.header('content-type', body.contentType)
  if (body.nextCursor) {
    response.header('x-next-cursor', body.nextCursor)
    response.header('access-control-expose-headers', 'X-Next-Cursor')
  }
  response.send(body.body)
}

/** Serves from the response cache when the covered data has not changed since the body was made. */
export async function sendCached(
  ctx: HttpContext,
  key: string,
  version: string,
  produce: () => Promise<Body>
) {
  sendBody(ctx, await cachedBody(key, version, produce))
}
