import { promisify } from 'node:util'
import { brotliCompress, constants, gzip } from 'node:zlib'
import type { HttpContext } from '@adonisjs/core/http'
import type { Body } from './formats.js'
import { cachedBody, type CachedBody } from './response_cache.js'

/** Sends a serialised body as is (no re-encoding): the bytes the cache holds are the bytes sent. */
export function sendBody({ response }: HttpContext, body: Body, bytes: Buffer = body.body) {
  response.header('content-type', body.contentType)
  if (body.nextCursor) {
    response.header('x-next-cursor', body.nextCursor)
    response.header('access-control-expose-headers', 'X-Next-Cursor')
  }
  response.send(bytes)
}

/** Smaller bodies gain too little from compression to be worth a second form. */
const COMPRESS_FROM_BYTES = 1024

const brotli = promisify(brotliCompress)
const gzipped = promisify(gzip)

const compressors: Record<string, (bytes: Buffer) => Promise<Buffer>> = {
  // Quality 5 keeps most of brotli's gain at a small fraction of its top quality's time.
  br: (bytes) =>
    brotli(bytes, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 5,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
      },
    }),
  gzip: (bytes) => gzipped(bytes),
}

/** The content coding to answer with: brotli, then gzip, when the client accepts them (q > 0). */
export function chooseEncoding(acceptEncoding: string | undefined): string | null {
  if (!acceptEncoding) return null
  const accepted = new Set<string>()
  for (const part of acceptEncoding.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';')
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='))
    if (q === undefined || Number(q.slice(2)) > 0) accepted.add(name.trim())
  }
  return Object.keys(compressors).find((name) => accepted.has(name)) ?? null
}

/** The compressed form of a cached body, made once (off the event loop) and kept with it. */
function encoded(cached: CachedBody, encoding: string): Promise<Buffer> {
  let made = cached.encoded.get(encoding)
  if (!made) {
    made = compressors[encoding](cached.body.body)
    cached.encoded.set(encoding, made)
    made.catch(() => cached.encoded.delete(encoding))
  }
  return made
}

/**
 * Serves from the response cache when the covered data has not changed since
 * the body was made, compressed as the client accepts, with a strong ETag per
 * form: a client sending it back in If-None-Match gets a bodiless 304.
 */
export async function sendCached(
  ctx: HttpContext,
  key: string,
  version: string,
  produce: () => Promise<Body>
) {
  const cached = await cachedBody(key, version, produce)
  const { response, request } = ctx
  const encoding =
    cached.body.body.length >= COMPRESS_FROM_BYTES
      ? chooseEncoding(request.header('accept-encoding'))
      : null
  response.header('vary', 'Accept-Encoding')
  response.header('etag', encoding ? `"${cached.etag}-${encoding}"` : `"${cached.etag}"`)
  if (response.fresh()) {
    if (cached.body.nextCursor) response.header('x-next-cursor', cached.body.nextCursor)
    response.notModified()
    return
  }
  if (!encoding) return sendBody(ctx, cached.body)
  const bytes = await encoded(cached, encoding)
  response.header('content-encoding', encoding)
  sendBody(ctx, cached.body, bytes)
}
