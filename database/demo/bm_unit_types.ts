/** The demo market's BM Unit record, shared by the generators. */
import type { DemoParty } from './parties_generator.js'
import type { DispatchKind, GspGroup } from './gb_reference.js'

export type UnitKind = DispatchKind | 'supplier' | 'import' | 'export' | 'secondary'

export interface DemoBmUnit {
  bmUnitId: string
  ngcBmUnitId: string | null
  /** registration name, ≤ 30 characters */
  name: string
  partyId: string
  type: 'T' | 'E' | 'S' | 'V' | 'I'
  gspGroup: GspGroup
  fuel: string | null
  /** technology key (gb_reference.ts), or what the unit is for non-generating units */
  tech: string
  kind: UnitKind
  generationCapacity: number
  /** ≤ 0 by the BSC sign convention */
  demandCapacity: number
  /** registered P/C flag; null = decided per day by the central systems */
  pcFlag: 'P' | 'C' | null
  /** P/C status the settlement uses for the seeded days */
  pcStatus: 'P' | 'C'
  fpnFlag: boolean
  /** submits bid-offer data and can be accepted */
  inBm: boolean
  tradingUnitId: string | null
  /** host distributor of an embedded (`E_`) unit */
  ldsoPartyId: string | null
  /** interconnector an `I_` unit flows over */
  interconnectorId: string | null
  effectiveFrom: string
  /** base supplier units: share of national demand they serve */
  demandShare: number
}

/** The fields that set a unit apart; the rest take the defaults below. */
export type UnitSpec = Pick<
  DemoBmUnit,
  'bmUnitId' | 'name' | 'type' | 'gspGroup' | 'tech' | 'kind'
> &
  Partial<Omit<DemoBmUnit, 'partyId' | 'effectiveFrom' | 'ldsoPartyId'>>
export type UnitFactory = (party: DemoParty, spec: UnitSpec) => DemoBmUnit
