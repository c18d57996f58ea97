import emitter from '@adonisjs/core/services/emitter'
import type BmUnit from './models/bm_unit.js'
import type Party from './models/party.js'

/**
 * Events the customer context publishes (settlement and insights subscribe).
 * The payloads are this context's contract: plain JSON, no models.
 */

/** A BM Unit version as the settlement reference data and the public BM Unit list need it. */
export interface BmUnitRegisteredPayload {
  elexonBmUnit: string
  nationalGridBmUnit: string | null
  bmUnitName: string | null
  leadPartyId: string
  leadPartyName: string
  bmUnitType: string
  gspGroupId: string | null
  fuelType: string | null
  generationCapacity: number
  demandCapacity: number
  productionOrConsumptionFlag: 'P' | 'C' | null
  fpnFlag: boolean
  effectiveFrom: string
  effectiveTo: string | null
  tradingUnitId: string | null
}

/** `previousEffectiveTo`: the end date given to the version the change supersedes. */
export interface BmUnitChangedPayload extends BmUnitRegisteredPayload {
  change: 'new_version' | 'deregistered'
  previousEffectiveTo: string | null
}

export interface PartyRegisteredPayload {
  partyId: string
  partyName: string
  accessionDate: string
  roles: { roleCode: string; effectiveFrom: string }[]
  energyAccounts: { accountId: string; accountType: string }[]
}

/** `receivingPartyId`: under P414 the party whose registration took over the liabilities. */
export interface PartyWithdrawnPayload {
  partyId: string
  withdrawalDate: string
  route: 'standard' | 'p414'
  receivingPartyId: string | null
}

/** A credit default entered, moved between levels or cleared (customer.md §9, §11.2: public notice). */
export interface CreditDefaultChangedPayload {
  partyId: string
  level: 0 | 1 | 2
  ccpPercent: number | null
  startedOn: string
  on: string
}

/** Every journey transition (the audit entry's content), for read models and integrations. */
export interface TransitionPayload {
  action: string
  subjectType: string
  subjectId: string
  partyId: string | null
  actorUserId: number | null
  before: unknown
  after: unknown
}

declare module '@adonisjs/core/types' {
  interface EventsList {
    'customer:bm_unit_registered': BmUnitRegisteredPayload
    'customer:bm_unit_changed': BmUnitChangedPayload
    'customer:party_registered': PartyRegisteredPayload
    'customer:party_withdrawn': PartyWithdrawnPayload
    'customer:credit_default_changed': CreditDefaultChangedPayload
    'customer:transition': TransitionPayload
  }
}

export function bmUnitPayload(unit: BmUnit, party: Party): BmUnitRegisteredPayload {
  return {
    elexonBmUnit: unit.bmUnitId,
    nationalGridBmUnit: unit.ngcBmUnitId,
    bmUnitName: unit.bmUnitName,
    leadPartyId: party.partyId,
    leadPartyName: party.name,
    bmUnitType: unit.bmUnitType,
    gspGroupId: unit.gspGroupId,
    fuelType: unit.fuelType,
    generationCapacity: Number(unit.generationCapacity),
    demandCapacity: Number(unit.demandCapacity),
    productionOrConsumptionFlag: unit.pcFlag,
    fpnFlag: unit.fpnFlag,
    effectiveFrom: unit.effectiveFrom,
    effectiveTo: unit.effectiveTo,
    tradingUnitId: unit.tradingUnitId,
  }
}

export const customerEvents = {
  bmUnitRegistered: (payload: BmUnitRegisteredPayload) =>
    emitter.emit('customer:bm_unit_registered', payload),
  bmUnitChanged: (payload: BmUnitChangedPayload) =>
    emitter.emit('customer:bm_unit_changed', payload),
  partyRegistered: (payload: PartyRegisteredPayload) =>
    emitter.emit('customer:party_registered', payload),
  partyWithdrawn: (payload: PartyWithdrawnPayload) =>
    emitter.emit('customer:party_withdrawn', payload),
  creditDefaultChanged: (payload: CreditDefaultChangedPayload) =>
    emitter.emit('customer:credit_default_changed', payload),
  transition: (payload: TransitionPayload) => emitter.emit('customer:transition', payload),
}
