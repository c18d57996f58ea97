import { Exception } from '@adonisjs/core/exceptions'
import { seesAllParties, type Role } from './roles.js'

/**
 * The one party-scoping mechanism (issue 2 §4): every query for party-owned
 * rows passes through `scopeToParty`, every single-record read through
 * `assertPartyAccess`. Another party's record answers 404, so its existence is
 * not revealed (customer.md §15).
 */
export interface PartyActor {
  role: Role
  partyId: string | null
}

export function canSeeParty(actor: PartyActor, partyId: string | null | undefined): boolean {
  if (seesAllParties(actor.role)) return true
  return !!actor.partyId && actor.partyId === partyId
}

export class RecordNotFoundException extends Exception {
  static status = 404
  static code = 'E_RECORD_NOT_FOUND'
  static message = 'Not found'
}

export function assertPartyAccess(actor: PartyActor, partyId: string | null | undefined): void {
  if (!canSeeParty(actor, partyId)) throw new RecordNotFoundException()
}

interface WhereQuery {
  where(column: string, value: any): any
  whereRaw(sql: string): any
}

/** Restricts a query to the actor's party unless the actor sees all parties. */
export function scopeToParty<Q extends WhereQuery>(
  query: Q,
  actor: PartyActor,
  column = 'party_id'
): Q {
  if (seesAllParties(actor.role)) return query
  if (!actor.partyId) {
    query.whereRaw('1 = 0')
    return query
  }
  query.where(column, actor.partyId)
  return query
}
