import type { HttpContext } from '@adonisjs/core/http'
import { findDataset } from '#insights/datasets/registry'
import { parseDatasetRequest } from '#insights/api/dataset_request'
import { serveDatasetRequest } from '#insights/api/serve_dataset'

/** /demand/outturn and its /stream: initial national (INDO) and transmission system (ITSDO) demand. */
export default class DemandController {
  async outturn(ctx: HttpContext) {
    const definition = findDataset('INDO')!
    const request = parseDatasetRequest(definition, ctx.request.qs(), false, 'settlementOrPublish')
    await serveDatasetRequest(ctx, definition, request, {
      kind: 'metadata',
      datasets: ['INDO', 'ITSDO'],
    })
  }

  async outturnStream(ctx: HttpContext) {
    const definition = findDataset('INDO')!
    const request = parseDatasetRequest(definition, ctx.request.qs(), true, 'settlementOrPublish')
    await serveDatasetRequest(ctx, definition, request, { kind: 'array' })
  }
}
