import type { HttpContext } from '@adonisjs/core/http'
import { findDataset, registry } from '#insights/datasets/registry'
import { ApiProblem } from '#insights/api/problem'
import { latestSeq, openFeed } from '#insights/push/feed'

/**
 * GET /bmrs/api/v1/ext/push/{dataset}: Server-Sent Events, one per data change
 * (`id` = the dataset's sequence number). Resume with the Last-Event-ID header
 * (browsers send it on reconnect) or ?since=N; without either, only new events.
 */
export default class PushController {
  async feed(ctx: HttpContext) {
    const code = String(ctx.params.dataset)
    const definition = findDataset(code)
    if (!definition) {
      throw ApiProblem.badRequest(
        'dataset',
        `Unknown dataset ${JSON.stringify(code)}; known: ${[...registry().datasets.keys()].join(', ')}`
      )
    }
    const resume = ctx.request.header('last-event-id') ?? ctx.request.qs().since
    if (resume !== undefined && !/^\d+$/.test(String(resume))) {
      throw ApiProblem.badRequest(
        'since',
        `Last-Event-ID / since must be a sequence number, got ${JSON.stringify(resume)}`
      )
    }
    const since = resume === undefined ? await latestSeq(definition.code) : Number(resume)
    const { stream, close } = openFeed(definition.code, since)
    ctx.request.request.on('close', close)
    ctx.response.header('content-type', 'text/event-stream; charset=utf-8')
    ctx.response.header('cache-control', 'no-cache, no-transform')
    ctx.response.header('x-accel-buffering', 'no')
    ctx.response.stream(stream)
  }
}
