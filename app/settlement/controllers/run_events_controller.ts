import type { HttpContext } from '@adonisjs/core/http'
import { RecordNotFoundException } from '#core/auth/party_scope'
import { openRunStream } from '#settlement/runs/run_stream'
import { findRun } from '#settlement/queries/runs'

/**
 * GET /settlement/runs/:id/events: the run's progress as Server-Sent Events
 * — a snapshot, then every status, phase and stage event as the run
 * executes, ending with the final status.
 */
export default class RunEventsController {
  async stream({ params, request, response }: HttpContext) {
    const runId = Number(params.id)
    if (!(await findRun(runId))) throw new RecordNotFoundException()
    const { stream, close } = openRunStream(runId)
    request.request.on('close', close)
    response.header('content-type', 'text/event-stream; charset=utf-8')
    response.header('cache-control', 'no-cache, no-transform')
    response.header('x-accel-buffering', 'no')
    response.stream(stream)
  }
}
