import type { HttpContext } from '@adonisjs/core/http'
import { DateTime } from 'luxon'
import { RecordNotFoundException } from '#core/auth/party_scope'
import { submitRemitMessage } from '#insights/actions/submit_remit_message'
import { formatInstant } from '#insights/datasets/instants'
import * as remit from '#insights/remit/remit_queries'
import {
  EVENT_STATUSES,
  EVENT_TYPES,
  MESSAGE_TYPES,
  REMIT_FUEL_TYPES,
  UNAVAILABILITY_TYPES,
} from '#insights/remit/vocabulary'
import { remitMessageValidator } from '#insights/validators/remit_message_validator'
import { Params, problems } from '../view_params.js'

const LIST_LIMIT = 200
const DEFAULT_WINDOW_DAYS = 30

function message(row: remit.RemitRow) {
  return { id: row.id, ...row.payload } as Record<string, unknown>
}

/**
 * REMIT on the website: the public list (latest revisions published in a
 * window, newest first) and a message with all its revisions; party users
 * publish and revise their own messages through the same validator and
 * action as the REMIT API (/api/v1/insights/remit).
 */
export default class RemitPagesController {
  async index({ request, inertia }: HttpContext) {
    const params = new Params(request.qs())
    const to = params.date('to') ?? DateTime.utc().toISODate()!
    const from =
      params.date('from') ??
      DateTime.fromISO(to)
        .minus({ days: DEFAULT_WINDOW_DAYS - 1 })
        .toISODate()!
    const filters: remit.RemitFilters = {
      participantId: params.raw('participantId'),
      assetId: params.raw('assetId'),
      fuelTypes: params.list('fuelType'),
      latestRevisionOnly: true,
      profileOnly: false,
    }
    const window = {
      from: formatInstant(DateTime.fromISO(from, { zone: 'utc' })),
      to: formatInstant(DateTime.fromISO(to, { zone: 'utc' }).endOf('day')),
    }
    const rows = to < from ? [] : await remit.listByPublish(window.from, window.to, filters)
    if (to < from) params.fail('to', `to (${to}) must not be before from (${from})`)
    return inertia.render('insights/remit/index', {
      view: {
        from,
        to,
        participantId: filters.participantId ?? '',
        assetId: filters.assetId ?? '',
        fuelType: filters.fuelTypes?.[0] ?? '',
      },
      fuelTypes: [...REMIT_FUEL_TYPES],
      messages: rows.reverse().slice(0, LIST_LIMIT).map(message),
      truncated: rows.length > LIST_LIMIT,
      problems: problems(params),
    })
  }

  async show({ params, auth, inertia }: HttpContext) {
    const rows = await remit.revisions(String(params.mrid))
    if (rows.length === 0) throw new RecordNotFoundException()
    const user = auth.user
    return inertia.render('insights/remit/show', {
      mrid: rows[0].mrid,
      revisions: rows.map(message).reverse(),
      canRevise: !!user?.partyId && user.partyId === rows[0].partyId,
    })
  }

  async create({ auth, inertia }: HttpContext) {
    return inertia.render('insights/remit/form', await this.formProps(auth.getUserOrFail(), null))
  }

  async store({ auth, request, response, session }: HttpContext) {
    const user = auth.getUserOrFail()
    const input = await request.validateUsing(remitMessageValidator)
    const saved: Record<string, unknown> = await submitRemitMessage(input, {
      userId: user.id,
      partyId: user.partyId,
    })
    session.flash('success', `REMIT message ${String(saved.mrid)} published`)
    return response.redirect(`/insights/remit/${String(saved.mrid)}`)
  }

  async edit({ auth, params, inertia }: HttpContext) {
    const user = auth.getUserOrFail()
    const [latest] = await remit.byMrid(String(params.mrid))
    if (!latest) throw new RecordNotFoundException()
    // Only the publishing party revises a message; anyone else is told it is not there.
    if (!user.partyId || latest.partyId !== user.partyId) throw new RecordNotFoundException()
    return inertia.render('insights/remit/form', await this.formProps(user, message(latest)))
  }

  async revise({ auth, params, request, response, session }: HttpContext) {
    const user = auth.getUserOrFail()
    const input = await request.validateUsing(remitMessageValidator)
    const saved: Record<string, unknown> = await submitRemitMessage(
      input,
      { userId: user.id, partyId: user.partyId },
      String(params.mrid)
    )
    session.flash(
      'success',
      `Revision ${String(saved.revisionNumber)} of ${String(saved.mrid)} published`
    )
    return response.redirect(`/insights/remit/${String(saved.mrid)}`)
  }

  private async formProps(
    user: { partyId: string | null },
    current: Record<string, unknown> | null
  ) {
    return {
      current,
      partyId: user.partyId,
      assets: user.partyId ? await remit.partyAssets(user.partyId) : [],
      vocabulary: {
        messageTypes: [...MESSAGE_TYPES],
        eventTypes: [...EVENT_TYPES],
        unavailabilityTypes: [...UNAVAILABILITY_TYPES],
        eventStatuses: [...EVENT_STATUSES],
        fuelTypes: [...REMIT_FUEL_TYPES],
      },
    }
  }
}
