import type { HttpContext } from '@adonisjs/core/http'
import { registry, findDataset } from '#insights/datasets/registry'
import { datasetRequestFor } from '#insights/api/dataset_request'
import { ApiProblem } from '#insights/api/problem'
import { serveDatasetRequest } from '#insights/api/serve_dataset'
import RemitController from '#insights/controllers/remit_controller'

/** Datasets served under /datasets/{code}: those whose definition gives a dataset API style. */
export function servedDatasets(): string[] {
  return [...registry().datasets.values()]
    .filter((definition) => ['settlementOrPublish', 'timeRange'].includes(definition.api.style))
    .map((definition) => definition.code)
}

/**
 * GET /datasets/{code} ({data}) and /datasets/{code}/stream (bare array),
 * one generic handler driven by the dataset definition.
 */
export default class DatasetsController {
  async show(ctx: HttpContext) {
    return this.serve(ctx, false)
  }

  async stream(ctx: HttpContext) {
    return this.serve(ctx, true)
  }

  private async serve(ctx: HttpContext, stream: boolean) {
    const code = String(ctx.params.code)
    const definition = findDataset(code)
    // Elexon's routes ignore case: /datasets/remit is REMIT too.
    if (definition?.source.kind === 'remit') {
      const remit = new RemitController()
      return stream ? remit.datasetStream(ctx) : remit.dataset(ctx)
    }
    if (!definition || !servedDatasets().includes(definition.code)) {
      throw ApiProblem.badRequest(
        'dataset',
        `Unknown dataset ${JSON.stringify(code)}; datasets served here: ${[...servedDatasets(), 'REMIT'].join(', ')}`
      )
    }
    const request = datasetRequestFor(definition, ctx.request, stream)
    await serveDatasetRequest(ctx, definition, request, { kind: stream ? 'array' : 'data' })
  }
}
