/**
 * Reads of published REMIT messages for the public disclosure endpoints and
 * the portal: by publish time, by event time (overlap), by id, by mRID, and
 * a message's revisions.
 */
import db from '@adonisjs/lucid/services/db'
import type { DatabaseQueryBuilderContract } from '@adonisjs/lucid/types/querybuilder'

export interface RemitFilters {
  participantId?: string
  assetId?: string
  messageType?: string
  unavailabilityType?: string
  eventTypes?: string[]
  fuelTypes?: string[]
  latestRevisionOnly: boolean
  profileOnly: boolean
}

export interface RemitRow {
  id: number
  mrid: string
  revisionNumber: number
  publishTime: string
  createdTime: string
  partyId: string
  payload: Record<string, unknown>
}

function toRow(row: any): RemitRow {
  const payload = JSON.parse(row.payload)
  return {
    id: Number(row.id),
    mrid: row.mrid,
    revisionNumber: Number(row.revision_number),
    publishTime: row.publish_time,
    createdTime: payload.createdTime,
    partyId: row.party_id,
    payload,
  }
}

function applyFilters(query: DatabaseQueryBuilderContract, filters: RemitFilters) {
  if (filters.participantId) query.where('participant_id', filters.participantId)
  if (filters.assetId) query.where('asset_id', filters.assetId)
  if (filters.messageType) query.where('message_type', filters.messageType)
  if (filters.unavailabilityType) query.where('unavailability_type', filters.unavailabilityType)
  if (filters.eventTypes?.length) query.whereIn('event_type', filters.eventTypes)
  if (filters.fuelTypes?.length) query.whereIn('fuel_type', filters.fuelTypes)
  if (filters.latestRevisionOnly) query.where('is_latest', true)
  if (filters.profileOnly) query.where('has_profile', true)
}

export async function listByPublish(
  from: string,
  to: string,
  filters: RemitFilters
): Promise<RemitRow[]> {
  const query = db.from('insights_remit_messages').whereBetween('publish_time', [from, to])
  applyFilters(query, filters)
  const rows = await query.orderBy('publish_time').orderBy('id')
  return rows.map(toRow)
}

/** Messages whose event overlaps [from, to] (an open-ended event runs on). */
export async function listByEvent(
  from: string,
  to: string,
  filters: RemitFilters
): Promise<RemitRow[]> {
  const query = db
    .from('insights_remit_messages')
    .where('event_start', '<=', to)
    .where((q) => q.whereNull('event_end').orWhere('event_end', '>=', from))
  applyFilters(query, filters)
  const rows = await query.orderBy('event_start').orderBy('id')
  return rows.map(toRow)
}

export async function byIds(ids: number[]): Promise<RemitRow[]> {
  if (ids.length === 0) return []
  const rows = await db.from('insights_remit_messages').whereIn('id', ids).orderBy('id')
  return rows.map(toRow)
}

/** One revision of a message, or its latest when no revision number is given. */
export async function byMrid(mrid: string, revisionNumber?: number): Promise<RemitRow[]> {
  const query = db.from('insights_remit_messages').where('mrid', mrid)
  if (revisionNumber !== undefined) query.where('revision_number', revisionNumber)
  else query.where('is_latest', true)
  const rows = await query
  return rows.map(toRow)
}

export async function revisions(mrid: string): Promise<RemitRow[]> {
  const rows = await db
    .from('insights_remit_messages')
    .where('mrid', mrid)
    .orderBy('revision_number')
  return rows.map(toRow)
}

/** The latest revision of each message of a party (every party's for BSC staff). */
export async function partyMessages(partyId: string | null): Promise<RemitRow[]> {
  const query = db
    .from('insights_remit_messages')
    .where('is_latest', true)
    .orderBy('publish_time', 'desc')
    .limit(500)
  if (partyId) query.where('party_id', partyId)
  const rows = await query
  return rows.map(toRow)
}

/** The BM Units a party leads (BMUNITS reference rows), as REMIT assets it may report on. */
export async function partyAssets(partyId: string) {
  const units = await db
    .from('insights_rows')
    .where({ dataset: 'BMUNITS', run_id: 0 })
    .select('payload')
  return units
    .map((row) => JSON.parse(row.payload))
    .filter((unit) => unit.leadPartyId === partyId)
    .map((unit) => ({
      assetId: unit.elexonBmUnit as string,
      name: (unit.bmUnitName ?? null) as string | null,
      fuelType: (unit.fuelType ?? null) as string | null,
      generationCapacity: (unit.generationCapacity ?? null) as string | null,
    }))
}
