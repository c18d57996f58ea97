import type { HttpContext } from '@adonisjs/core/http'
import { findDataset } from '#insights/datasets/registry'
import { formatInstant } from '#insights/datasets/instants'
import { renderRows, type Envelope } from '#insights/api/formats'
import { Params, checkInstantRange, type Format } from '#insights/api/params'
import { ApiProblem } from '#insights/api/problem'
import { sendBody } from '#insights/api/respond'
import * as remit from '#insights/remit/remit_queries'

const METADATA: Envelope = { kind: 'metadata', datasets: ['REMIT'] }
const INT32_MAX = 2 ** 31 - 1

function origin(ctx: HttpContext): string {
  return `${ctx.request.protocol()}://${ctx.request.host()}`
}

function identifiers(ctx: HttpContext, rows: remit.RemitRow[]) {
  return rows.map((row) => ({
    id: row.id,
    mrid: row.mrid,
    revisionNumber: row.revisionNumber,
    createdTime: row.createdTime,
    publishTime: row.publishTime,
    url: `${origin(ctx)}/bmrs/api/v1/remit/${row.id}`,
  }))
}

function messageFields() {
  return findDataset('REMIT')!.fields
}

function withIds(rows: remit.RemitRow[]) {
  return rows.map((row) => ({ ...row.payload, id: row.id }))
}

function messageId(params: Params, name: string, value: unknown): number | undefined {
  const text = String(value)
  if (!/^\d+$/.test(text) || Number(text) > INT32_MAX)
    return params.fail(name, `${name} must be a positive integer, got ${JSON.stringify(value)}`)
  return Number(text)
}

/** The public REMIT disclosure endpoints (read only; parties submit through /api/v1/insights/remit). */
export default class RemitController {
  byPublish = (ctx: HttpContext) => this.list(ctx, 'publish', false)
  byPublishStream = (ctx: HttpContext) => this.list(ctx, 'publish', true)
  byEvent = (ctx: HttpContext) => this.list(ctx, 'event', false)
  byEventStream = (ctx: HttpContext) => this.list(ctx, 'event', true)

  private async list(ctx: HttpContext, by: 'publish' | 'event', stream: boolean) {
    const params = new Params(ctx.request.qs())
    const from = params.instant('from', true)
    const to = params.instant('to', true)
    const api = findDataset('REMIT')!.api
    if (from && to)
      checkInstantRange(
        params,
        'from',
        from,
        'to',
        to,
        stream ? api.streamMaxRangeDays : api.maxRangeDays
      )
    const filters: remit.RemitFilters = {
      participantId: params.raw('participantId'),
      assetId: params.raw('assetId'),
      messageType: params.raw('messageType'),
      unavailabilityType: params.raw('unavailabilityType'),
      eventTypes: params.list('eventType'),
      fuelTypes: params.list('fuelType'),
      latestRevisionOnly: params.boolean('latestRevisionOnly', true),
      profileOnly: params.boolean('profileOnly', false),
    }
    const format: Format = stream ? 'json' : params.format(['json', 'xml'])
    params.done()
    const read = by === 'publish' ? remit.listByPublish : remit.listByEvent
    const rows = await read(formatInstant(from!), formatInstant(to!), filters)
    sendBody(
      ctx,
      renderRows(identifiers(ctx, rows), stream ? { kind: 'array' } : METADATA, format, [])
    )
  }

  async show(ctx: HttpContext) {
    const params = new Params(ctx.request.qs())
    const id = messageId(params, 'messageId', ctx.params.messageId)
    const format = params.format(['json', 'xml'])
    params.done()
    const rows = await remit.byIds([id!])
    if (rows.length === 0) throw ApiProblem.notFound(`No REMIT message with id ${id}`)
    sendBody(ctx, renderRows(withIds(rows), METADATA, format, messageFields()))
  }

  async bulk(ctx: HttpContext) {
    const params = new Params(ctx.request.qs())
    const ids = params.list('messageId').map((value) => messageId(params, 'messageId', value))
    if (ids.length === 0) params.fail('messageId', 'The messageId field is required.')
    const format = params.format(['json', 'xml'])
    params.done()
    const rows = await remit.byIds(ids as number[])
    if (rows.length === 0) throw ApiProblem.notFound('No REMIT message with any of these ids')
    sendBody(ctx, renderRows(withIds(rows), METADATA, format, messageFields()))
  }

  async search(ctx: HttpContext) {
    const params = new Params(ctx.request.qs())
    const mrid = params.raw('mrid', true)
    const revision = params.has('revisionNumber')
      ? messageId(params, 'revisionNumber', params.raw('revisionNumber'))
      : undefined
    const format = params.format(['json', 'xml'])
    params.done()
    const rows = await remit.byMrid(mrid!, revision)
    if (rows.length === 0)
      throw ApiProblem.notFound(
        `No REMIT message ${mrid}${revision ? ` revision ${revision}` : ''}`
      )
    sendBody(ctx, renderRows(withIds(rows), METADATA, format, messageFields()))
  }

  async revisions(ctx: HttpContext) {
    const params = new Params(ctx.request.qs())
    let mrid = params.raw('mrid')
    const id = params.has('messageId')
      ? messageId(params, 'messageId', params.raw('messageId'))
      : undefined
    if (!mrid && id === undefined) params.fail('mrid', 'Give mrid or messageId.')
    const format = params.format(['json', 'xml'])
    params.done()
    if (!mrid) {
      const [message] = await remit.byIds([id!])
      mrid = message?.mrid
    }
    const rows = mrid ? await remit.revisions(mrid) : []
    if (rows.length === 0) throw ApiProblem.notFound('No REMIT message matches these parameters')
    sendBody(ctx, renderRows(identifiers(ctx, rows), METADATA, format, []))
  }

  /** /datasets/REMIT and its /stream: every revision published in the window. */
  dataset = (ctx: HttpContext) => this.datasetRows(ctx, false)
  datasetStream = (ctx: HttpContext) => this.datasetRows(ctx, true)

  private async datasetRows(ctx: HttpContext, stream: boolean) {
    const params = new Params(ctx.request.qs())
    const from = params.instant('publishDateTimeFrom', true)
    const to = params.instant('publishDateTimeTo', true)
    const api = findDataset('REMIT')!.api
    if (from && to) {
      checkInstantRange(
        params,
        'publishDateTimeFrom',
        from,
        'publishDateTimeTo',
        to,
        stream ? api.streamMaxRangeDays : api.maxRangeDays
      )
    }
    const format: Format = stream ? 'json' : params.format(['json', 'xml'])
    params.done()
    const rows = await remit.listByPublish(formatInstant(from!), formatInstant(to!), {
      latestRevisionOnly: false,
      profileOnly: false,
    })
    sendBody(
      ctx,
      renderRows(
        rows.map((row) => row.payload),
        { kind: stream ? 'array' : 'data' },
        format,
        messageFields()
      )
    )
  }
}
