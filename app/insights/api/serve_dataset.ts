import type { HttpContext } from '@adonisjs/core/http'
import type { DatasetDefinition } from '#insights/datasets/definition'
import { fetchRows } from '#insights/datasets/row_query'
import type { DatasetRequest } from './dataset_request.js'
import { renderPayloads, type Envelope } from './formats.js'
import { sendCached } from './respond.js'
import { datasetVersion, dayVersions, latestDay } from './data_versions.js'

/**
 * Answers a parsed dataset request in the given envelope, from the cache when
 * the data is unchanged. The request may be shared by many (parsed once per
 * query string): it is never changed here.
 */
export async function serveDatasetRequest(
  ctx: HttpContext,
  definition: DatasetDefinition,
  request: DatasetRequest,
  envelope: Envelope
) {
  let { query, days } = request
  if (request.latestDay) {
    const day = await latestDay(definition.code)
    query = { ...query, dateFrom: day, dateTo: day }
    days = { from: day, to: day }
  }
  const version = days
    ? await dayVersions([definition.code], days.from, days.to)
    : await datasetVersion([definition.code])
  const key = JSON.stringify([envelope, request.format, query])
  await sendCached(ctx, key, version, async () => {
    const page = await fetchRows(query)
    return {
      ...renderPayloads(page.payloads, envelope, request.format, definition.fields),
      nextCursor: page.next,
    }
  })
}
