/**
 * Public surface of the customer context: the only module other contexts may import.
 * Subscribe to the events declared in events.ts:
 *   customer:party_registered, customer:bm_unit_registered, customer:bm_unit_changed,
 *   customer:party_withdrawn, customer:credit_default_changed, customer:transition
 * `partyAccessEnded(partyId)` tells core whether a party's users may still sign in.
 */
export type {
  BmUnitRegisteredPayload,
  BmUnitChangedPayload,
  CreditDefaultChangedPayload,
  PartyRegisteredPayload,
  PartyWithdrawnPayload,
  TransitionPayload,
} from './events.js'
export { MACHINES } from './journeys/machines.js'
export { partyAccessEnded } from './support/portal_access.js'
