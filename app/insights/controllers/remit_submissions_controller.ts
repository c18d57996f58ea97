import type { HttpContext } from '@adonisjs/core/http'
import { assertPartyAccess, RecordNotFoundException } from '#core/auth/party_scope'
import { submitRemitMessage } from '#insights/actions/submit_remit_message'
import * as remit from '#insights/remit/remit_queries'
import {
  EVENT_STATUSES,
  EVENT_TYPES,
  MESSAGE_TYPES,
  REMIT_FUEL_TYPES,
  UNAVAILABILITY_TYPES,
} from '#insights/remit/vocabulary'
import { remitMessageValidator } from '#insights/validators/remit_message_validator'

function summary(row: remit.RemitRow) {
  return { id: row.id, ...row.payload }
}

/**
 * The party's side of REMIT (session or API token): the JSON the portal page
 * uses to list, show, publish and revise its own messages. Another party's
 * message answers 404.
 */
export default class RemitSubmissionsController {
  async index({ auth, response }: HttpContext) {
    const user = auth.getUserOrFail()
    const rows = await remit.partyMessages(user.partyId)
    return response.json({ data: rows.map(summary) })
  }

  /** What the submission form offers: the vocabularies and the party's own BM Units. */
  async options({ auth, response }: HttpContext) {
    const user = auth.getUserOrFail()
    const assets = user.partyId ? await remit.partyAssets(user.partyId) : []
    return response.json({
      messageTypes: MESSAGE_TYPES,
      eventTypes: EVENT_TYPES,
      unavailabilityTypes: UNAVAILABILITY_TYPES,
      eventStatuses: EVENT_STATUSES,
      fuelTypes: REMIT_FUEL_TYPES,
      assets,
    })
  }

  async show({ auth, params, response }: HttpContext) {
    const user = auth.getUserOrFail()
    const rows = await remit.revisions(String(params.mrid))
    if (rows.length === 0) throw new RecordNotFoundException()
    assertPartyAccess(user, rows[0].partyId)
    return response.json({ mrid: rows[0].mrid, revisions: rows.map(summary) })
  }

  async store({ auth, request, response }: HttpContext) {
    const user = auth.getUserOrFail()
    const input = await request.validateUsing(remitMessageValidator)
    const message = await submitRemitMessage(input, { userId: user.id, partyId: user.partyId })
    return response.created({ data: message })
  }

  async revise({ auth, params, request, response }: HttpContext) {
    const user = auth.getUserOrFail()
    const input = await request.validateUsing(remitMessageValidator)
    const message = await submitRemitMessage(
      input,
      { userId: user.id, partyId: user.partyId },
      String(params.mrid)
    )
    return response.created({ data: message })
  }
}
