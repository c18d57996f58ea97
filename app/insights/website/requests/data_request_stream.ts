/**
 * A data request's file, produced lazily: day by day, and within a day in
 * keyset-paged batches, read from the database only as the response is
 * consumed — so a year of FUELINST never sits in memory, and the download
 * starts with the first batch.
 */
import { Readable } from 'node:stream'
import { csvLine } from '#core/csv/csv'
import { csvColumns } from '#insights/api/formats'
import { element } from '#insights/api/xml'
import { elexonBmUnits } from '#insights/api/run_request'
import { decodeCursor, fetchRows, type RowQuery } from '#insights/datasets/row_query'
import { selectRuns } from '#insights/runs/run_selection'
import type { DataRequest } from './data_request.js'

const BATCH = 1000

export const CONTENT_TYPES = {
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
  xml: 'application/xml; charset=utf-8',
} as const

/** The row queries of a request, one per settlement date (one in all for reference data). */
async function* dayQueries(request: DataRequest): AsyncGenerator<RowQuery> {
  const { definition } = request
  const entities =
    request.entities.length === 0
      ? undefined
      : definition.entity === 'bmUnit' || definition.entity === 'id'
        ? await elexonBmUnits(request.entities)
        : request.entities
  const base = { dataset: definition.code, entities, side: request.side, limit: BATCH }
  if (request.dates.length === 0) {
    yield base
    return
  }
  const runs =
    definition.source.kind === 'settlement'
      ? await selectRuns(request.dates, request.runType)
      : undefined
  for (const date of request.dates) {
    const run = runs?.get(date)
    if (runs && !run) continue
    yield {
      ...base,
      runs: run ? new Map([[date, run.id]]) : undefined,
      dateFrom: date,
      dateTo: date,
    }
  }
}

/** Each stored row (as its payload JSON), batch by batch. */
async function* payloads(request: DataRequest): AsyncGenerator<string[]> {
  for await (const query of dayQueries(request)) {
    let after: RowQuery['after']
    do {
      const page = await fetchRows({ ...query, after })
      if (page.payloads.length > 0) yield page.payloads
      after = page.next ? decodeCursor(page.next) : undefined
    } while (after)
  }
}

function pick(payload: string, fields: string[]): Record<string, unknown> {
  const row = JSON.parse(payload)
  const out: Record<string, unknown> = {}
  for (const name of fields) out[name] = row[name] ?? null
  return out
}

/** The file's text in chunks: a header, one chunk per batch of rows, a footer. */
export async function* dataRequestChunks(request: DataRequest): AsyncGenerator<string> {
  const fields = request.definition.fields.filter((f) => request.fields.includes(f.name))
  const columns = csvColumns(fields)
  let first = true
  if (request.format === 'csv') yield csvLine(columns.map((column) => column.header))
  else if (request.format === 'json') yield '['
  else yield '<?xml version="1.0" encoding="utf-8"?><response>'
  for await (const batch of payloads(request)) {
    let chunk = ''
    for (const payload of batch) {
      const row = pick(payload, request.fields)
      if (request.format === 'csv') chunk += csvLine(columns.map((column) => column.read(row)))
      else if (request.format === 'json') {
        chunk += (first ? '\n' : ',\n') + JSON.stringify(row)
        first = false
      } else {
        const out: string[] = []
        element('item', row, out)
        chunk += out.join('')
      }
    }
    yield chunk
  }
  if (request.format === 'json') yield first ? ']\n' : '\n]\n'
  else if (request.format === 'xml') yield '</response>\n'
}

export function dataRequestStream(request: DataRequest): Readable {
  return Readable.from(dataRequestChunks(request), { objectMode: false })
}

export function fileName(request: DataRequest): string {
  const range = request.dates.length ? `_${request.dates[0]}_${request.dates.at(-1)}` : ''
  return `${request.definition.code}${range}.${request.format}`
}
