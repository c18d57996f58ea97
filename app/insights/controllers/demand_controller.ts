import type { HttpContext } from '@adonisjs/core/http'
import { findDataset } from '#insights/datasets/registry'
import { datasetRequestFor } from '#insights/api/dataset_request'
import { serveDatasetRequest } from '#insights/api/serve_dataset'

/** /demand/outturn and its /stream: initial national (INDO) and transmission system (ITSDO) demand. */
export default class DemandController {
  async outturn(ctx: HttpContext) {
    const definition = findDataset('INDO')!
    const request = datasetRequestFor(definition, ctx.request, false, 'settlementOrPublish')
    await serveDatasetRequest(ctx, definition, request, {
      kind: 'metadata',
      datasets: ['INDO', 'ITSDO'],
    })
  }

  async outturnStream(ctx: HttpContext) {
    const definition = findDataset('INDO')!
    const request = datasetRequestFor(definition, ctx.request, true, 'settlementOrPublish')
    await serveDatasetRequest(ctx, definition, request, { kind: 'array' })
  }
}
