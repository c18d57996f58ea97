import type { HttpContext } from '@adonisjs/core/http'
import db from '@adonisjs/lucid/services/db'
import type { DatasetDefinition } from '#insights/datasets/definition'
import { fetchRows } from '#insights/datasets/row_query'
import type { DatasetRequest } from './dataset_request.js'
import { renderPayloads, type Envelope } from './formats.js'
import { sendCached } from './respond.js'
import { datasetVersion, dayVersions } from './response_cache.js'

/** The latest settlement date holding rows of a dataset ('0000-00-00' when none). */
async function latestDay(dataset: string): Promise<string> {
  const row = await db
    .from('insights_dataset_days')
    .where('dataset', dataset)
    .whereNot('day', '*')
    .max('day as day')
    .first()
  return row?.day ?? '0000-00-00'
}

/** Answers a parsed dataset request in the given envelope, from the cache when the data is unchanged. */
export async function serveDatasetRequest(
  ctx: HttpContext,
  definition: DatasetDefinition,
  request: DatasetRequest,
  envelope: Envelope
) {
  const { query } = request
  if (request.latestDay) {
    query.dateFrom = query.dateTo = await latestDay(definition.code)
    request.days = { from: query.dateFrom, to: query.dateTo }
  }
  const version = request.days
    ? await dayVersions([definition.code], request.days.from, request.days.to)
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
