/**
 * Turns a /datasets/{code} query into a row query, by the definition's API
 * style: `settlementOrPublish` (FUELINST, FUELHH: settlement dates or publish
 * times, periods, fuel types) or `timeRange` (BOALF, BOD, DISBSAD, NETBSAD:
 * from/to instants, or settlement date + period when settlementPeriodFrom/To
 * are given). Also our cursor/limit pagination, beside the contract.
 */
import type { HttpRequest } from '@adonisjs/core/http'
import { DateTime } from 'luxon'
import { periodAt, periodStartUtc } from '#core/calendar/index'
import type { DatasetDefinition } from '#insights/datasets/definition'
import { registry } from '#insights/datasets/registry'
import { formatInstant, parseInstant } from '#insights/datasets/instants'
import { decodeCursor, type Bound, type RowQuery } from '#insights/datasets/row_query'
import { Params, checkDateRange, type Format } from './params.js'

export interface DatasetRequest {
  query: RowQuery
  format: Format
  /** Days whose versions key the cache; null: the whole dataset's version. */
  days: { from: string; to: string } | null
  /** No time given: answer with the latest day holding data. */
  latestDay: boolean
}

const MAX_LIMIT = 10_000

function shiftDay(date: string, days: number): string {
  return DateTime.fromISO(date, { zone: 'utc' }).plus({ days }).toISODate()!
}

function entities(params: Params, definition: DatasetDefinition): string[] | undefined {
  const name = definition.api.entityParam
  if (!name) return undefined
  const values = params.list(name)
  if (definition.entityReference !== 'fuelTypes') return values
  const known = registry().fuelTypes
  return values.map((value) => {
    const code = value.toUpperCase()
    if (!known.get(code)?.outturn) {
      const list = [...known.values()].filter((f) => f.outturn).map((f) => f.code)
      params.fail(
        name,
        `Unknown fuel type ${JSON.stringify(value)}; known fuel types: ${list.join(', ')}`
      )
    }
    return code
  })
}

function pagination(params: Params, query: RowQuery) {
  const limit = params.integer('limit')
  if (limit !== undefined && (limit < 1 || limit > MAX_LIMIT))
    params.fail('limit', `limit must be from 1 to ${MAX_LIMIT}`)
  else query.limit = limit
  const cursor = params.raw('cursor')
  if (cursor === undefined) return
  const after = decodeCursor(cursor)
  if (!after)
    params.fail(
      'cursor',
      'cursor is not one this API issued (pass the X-Next-Cursor header value unchanged)'
    )
  else if (limit === undefined) params.fail('limit', 'limit is required with cursor')
  else query.after = after
}

function settlementOrPublish(
  params: Params,
  definition: DatasetDefinition,
  stream: boolean,
  out: DatasetRequest
) {
  const maxDays = stream ? definition.api.streamMaxRangeDays : definition.api.maxRangeDays
  const publishFrom = params.instant('publishDateTimeFrom')
  const publishTo = params.instant('publishDateTimeTo')
  const dateFrom = params.date('settlementDateFrom')
  const dateTo = params.date('settlementDateTo')
  const byPublish = params.has('publishDateTimeFrom') || params.has('publishDateTimeTo')
  const byDate = params.has('settlementDateFrom') || params.has('settlementDateTo')
  if (byPublish && byDate) {
    params.fail(
      'settlementDateFrom',
      'The Settlement Date fields cannot be set when a Publish Date field is set.'
    )
  } else if (byPublish) {
    if (!params.has('publishDateTimeFrom'))
      params.fail(
        'publishDateTimeFrom',
        'The publishDateTimeFrom field is required with publishDateTimeTo.'
      )
    if (!params.has('publishDateTimeTo'))
      params.fail(
        'publishDateTimeTo',
        'The publishDateTimeTo field is required with publishDateTimeFrom.'
      )
    if (publishFrom && publishTo) {
      if (publishTo < publishFrom)
        params.fail('publishDateTimeTo', 'publishDateTimeTo must not be before publishDateTimeFrom')
      else if (publishTo.diff(publishFrom, 'days').days > maxDays) {
        params.fail('publishDateTimeTo', `the publish time range is longer than ${maxDays} days`)
      }
      out.query.publishFrom = formatInstant(publishFrom)
      out.query.publishTo = formatInstant(publishTo)
    }
  }
  const from = dateFrom ?? dateTo
  const to = dateTo ?? dateFrom
  if (
    from &&
    to &&
    checkDateRange(params, 'settlementDateFrom', from, 'settlementDateTo', to, maxDays)
  ) {
    out.query.dateFrom = from
    out.query.dateTo = to
    out.days = { from, to }
  }
  out.latestDay = !byPublish && !byDate
  out.query.periods = params.periods('settlementPeriod', from && from === to ? from : undefined)
}

function bound(
  params: Params,
  name: 'from' | 'to',
  periodName: string
): { bound: Bound; at: DateTime } | undefined {
  const text = params.raw(name, true)
  const period = params.integer(periodName)
  if (text === undefined) return undefined
  if (period === undefined) {
    const at = parseInstant(text, true)
    if (!at)
      return params.fail(
        name,
        `${name} must be a date-time (RFC 3339, e.g. 2022-10-22T00:00Z), got ${JSON.stringify(text)}`
      )
    return { bound: { kind: 'time', at: formatInstant(at) }, at }
  }
  // With a settlement period, from/to name a settlement date: the time part is ignored.
  const date = /^\d{4}-\d{2}-\d{2}/.exec(text)?.[0]
  if (!date || !DateTime.fromISO(date, { zone: 'utc' }).isValid) {
    return params.fail(
      name,
      `${name} must start with a settlement date (yyyy-MM-dd) when ${periodName} is given`
    )
  }
  const checked = params.period(periodName, period, date)
  if (checked === undefined) return undefined
  return { bound: { kind: 'period', date, period: checked }, at: periodStartUtc(date, checked) }
}

function timeRange(
  params: Params,
  definition: DatasetDefinition,
  stream: boolean,
  out: DatasetRequest
) {
  const maxDays = stream ? definition.api.streamMaxRangeDays : definition.api.maxRangeDays
  const lower = bound(params, 'from', 'settlementPeriodFrom')
  const upper = bound(params, 'to', 'settlementPeriodTo')
  if (!lower || !upper) return
  if (upper.at < lower.at) return params.fail('to', 'to must not be before from')
  if (upper.at.diff(lower.at, 'days').days > maxDays) {
    return params.fail(
      'to',
      `the range from ${lower.at.toISO()} to ${upper.at.toISO()} is longer than ${maxDays} days`
    )
  }
  out.query.lower = lower.bound
  out.query.upper = upper.bound
  // Instants map onto London settlement dates: widen by a day so every date touched keys the cache.
  out.days = {
    from: shiftDay(periodAt(lower.at).settlementDate, -1),
    to: shiftDay(periodAt(upper.at).settlementDate, 1),
  }
}

export function parseDatasetRequest(
  definition: DatasetDefinition,
  values: Record<string, unknown>,
  stream: boolean,
  style = definition.api.style
): DatasetRequest {
  const params = new Params(values)
  const out: DatasetRequest = {
    query: { dataset: definition.code },
    format: stream ? 'json' : params.format(definition.api.formats as Format[]),
    days: null,
    latestDay: false,
  }
  if (style === 'settlementOrPublish') settlementOrPublish(params, definition, stream, out)
  else timeRange(params, definition, stream, out)
  out.query.entities = entities(params, definition)
  pagination(params, out.query)
  params.done()
  return out
}

const parsed = new Map<string, DatasetRequest>()
const MAX_PARSED = 1000

/**
 * parseDatasetRequest once per distinct query string (the answer depends on
 * nothing else): public clients repeat the same questions, and a cache hit
 * should not pay for parsing dates again. The result is shared: never change it.
 */
export function datasetRequestFor(
  definition: DatasetDefinition,
  http: HttpRequest,
  stream: boolean,
  style = definition.api.style
): DatasetRequest {
  const key = `${definition.code}\u0000${stream}\u0000${style}\u0000${http.parsedUrl.query ?? ''}`
  let request = parsed.get(key)
  if (!request) {
    request = parseDatasetRequest(definition, http.qs(), stream, style)
    if (parsed.size >= MAX_PARSED) parsed.delete(parsed.keys().next().value!)
    parsed.set(key, request)
  }
  return request
}
