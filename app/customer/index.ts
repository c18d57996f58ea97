/**
 * Public surface of the customer context: the only module other contexts may import.
 * Subscribe to the events declared in events.ts:
 *   customer:party_registered, customer:bm_unit_registered, customer:bm_unit_changed,
 *   customer:party_withdrawn, customer:transition
 */
export type {
  BmUnitRegisteredPayload,
  BmUnitChangedPayload,
  PartyRegisteredPayload,
  PartyWithdrawnPayload,
  TransitionPayload,
} from './events.js'
export { MACHINES } from './journeys/machines.js'
