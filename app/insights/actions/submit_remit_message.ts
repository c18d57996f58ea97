/**
 * A party publishes a REMIT outage message, or a revision of one of its own:
 * checked against the asset register and itself, stored as a new revision
 * (the previous one stays, superseded), announced on the REMIT push feed.
 */
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import { Exception } from '@adonisjs/core/exceptions'
import { errors as vineErrors } from '@vinejs/vine'
import type { Infer } from '@vinejs/vine/types'
import { RecordNotFoundException } from '#core/auth/party_scope'
import { nextCounter } from '#insights/datasets/counters'
import { findDataset } from '#insights/datasets/registry'
import { formatInstant } from '#insights/datasets/instants'
import { announce, recordPushEvent } from '#insights/push/publish'
import { ASSET_TYPE_BY_EVENT, GB_BIDDING_ZONE } from '#insights/remit/vocabulary'
import type { remitMessageValidator } from '#insights/validators/remit_message_validator'

export type RemitInput = Infer<typeof remitMessageValidator>

export interface Submitter {
  userId: number
  partyId: string | null
}

export class NotAPartyUser extends Exception {
  static status = 403
  static code = 'E_NOT_A_PARTY_USER'
  static message = "REMIT messages are published by a party's own users"
}

type Problem = { field: string; message: string; rule: string }

/** The asset's lead party from the BM Unit reference data, or undefined when the unit is unknown. */
async function assetParty(assetId: string): Promise<string | null | undefined> {
  const row = await db
    .from('insights_rows')
    .where({ dataset: 'BMUNITS', run_id: 0, row_key: assetId })
    .select('payload')
    .first()
  return row ? (JSON.parse(row.payload).leadPartyId ?? null) : undefined
}

async function crossFieldProblems(input: RemitInput, partyId: string): Promise<Problem[]> {
  const problems: Problem[] = []
  const add = (field: string, message: string, rule = 'remit') =>
    problems.push({ field, message, rule })
  if (input.eventEndTime && input.eventEndTime <= input.eventStartTime) {
    add('eventEndTime', 'The event must end after it starts')
  }
  if (input.unavailableCapacity > input.normalCapacity) {
    add(
      'unavailableCapacity',
      `The unavailable capacity cannot exceed the installed (normal) capacity of ${input.normalCapacity} MW`
    )
  }
  if (
    input.availableCapacity !== undefined &&
    Math.abs(input.availableCapacity + input.unavailableCapacity - input.normalCapacity) > 0.001
  ) {
    add(
      'availableCapacity',
      'Available and unavailable capacity must add up to the normal capacity'
    )
  }
  let previousEnd: string | undefined
  for (const [index, slice] of (input.outageProfile ?? []).entries()) {
    const field = `outageProfile.${index}`
    if (slice.endTime <= slice.startTime)
      add(`${field}.endTime`, 'Each profile slice must end after it starts')
    if (
      slice.startTime < input.eventStartTime ||
      (input.eventEndTime && slice.endTime > input.eventEndTime)
    ) {
      add(`${field}.startTime`, 'The outage profile must lie within the event')
    }
    if (previousEnd && slice.startTime < previousEnd)
      add(`${field}.startTime`, 'Profile slices must be in order and must not overlap')
    if (slice.capacity > input.normalCapacity)
      add(`${field}.capacity`, 'A profile capacity cannot exceed the normal capacity')
    previousEnd = slice.endTime
  }
  const owner = await assetParty(input.assetId)
  if (owner === undefined) add('assetId', `${input.assetId} is not a registered BM Unit`, 'exists')
  else if (owner !== partyId)
    add('assetId', `${input.assetId} is not a BM Unit of your party`, 'owner')
  return problems
}

function payload(
  input: RemitInput,
  partyId: string,
  mrid: string,
  revisionNumber: number,
  now: string
) {
  const values: Record<string, unknown> = {
    ...input,
    dataset: 'REMIT',
    mrid,
    revisionNumber,
    publishTime: now,
    createdTime: now,
    participantId: partyId,
    registrationCode: partyId,
    assetType: ASSET_TYPE_BY_EVENT[input.eventType],
    affectedUnit: input.affectedUnit ?? input.assetId,
    biddingZone: GB_BIDDING_ZONE,
    eventStatus: input.eventStatus ?? 'Active',
    availableCapacity: input.availableCapacity ?? input.normalCapacity - input.unavailableCapacity,
  }
  const out: Record<string, unknown> = {}
  for (const field of findDataset('REMIT')!.fields) out[field.name] = values[field.name] ?? null
  return out
}

async function latestOwnRevision(client: QueryClientContract, mrid: string, partyId: string) {
  const latest = await client
    .from('insights_remit_messages')
    .where({ mrid, is_latest: true })
    // Two revisions at once: PostgreSQL serialises them here; SQLite serialises every write anyway.
    .if(client.isTransaction && client.dialect.name === 'postgres', (q) => q.forUpdate())
    .first()
  if (!latest || latest.party_id !== partyId) throw new RecordNotFoundException()
  return latest
}

/** Publishes revision 1 of a new message, or the next revision of `mrid` (404 unless it is the party's). */
export async function submitRemitMessage(input: RemitInput, submitter: Submitter, mrid?: string) {
  const partyId = submitter.partyId
  if (!partyId) throw new NotAPartyUser()
  // Another party's message is not found, whatever the body says.
  if (mrid) await latestOwnRevision(db.connection(), mrid, partyId)
  const problems = await crossFieldProblems(input, partyId)
  if (problems.length > 0) throw new vineErrors.E_VALIDATION_ERROR(problems)
  const now = formatInstant(DateTime.utc().startOf('second'))
  const message = await db.transaction(async (trx) => {
    let id = mrid
    let revisionNumber = 1
    if (mrid) {
      const latest = await latestOwnRevision(trx, mrid, partyId)
      revisionNumber = latest.revision_number + 1
      await trx.from('insights_remit_messages').where('id', latest.id).update({ is_latest: false })
    } else {
      id = `${partyId}-KNT-RMT-${String(await nextCounter(trx, 'remit:mrid')).padStart(8, '0')}`
    }
    const body = payload(input, partyId, id!, revisionNumber, now)
    const [row] = await trx
      .table('insights_remit_messages')
      .insert({
        mrid: id,
        revision_number: revisionNumber,
        is_latest: true,
        party_id: partyId,
        submitted_by: submitter.userId,
        participant_id: partyId,
        asset_id: input.assetId,
        message_type: input.messageType,
        unavailability_type: input.unavailabilityType,
        event_type: input.eventType,
        fuel_type: input.fuelType,
        event_start: input.eventStartTime,
        event_end: input.eventEndTime ?? null,
        publish_time: now,
        has_profile: (input.outageProfile?.length ?? 0) > 0,
        payload: JSON.stringify(body),
      })
      .returning('id')
    const messageId = Number(typeof row === 'object' ? row.id : row)
    await recordPushEvent(trx, 'REMIT', 'message', { messageId, mrid: id, revisionNumber })
    return { ...body, id: messageId }
  })
  announce(['REMIT'])
  return message
}
