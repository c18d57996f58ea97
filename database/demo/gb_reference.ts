/**
 * Small reference lists behind the demo market: GSP Groups (customer.md §7.3)
 * with demand shares and zonal TLF levels, and the generation technologies
 * with realistic unit sizes, prices and station codes. Station codes are a
 * handful of National Grid BM Unit stems taken from Elexon's published fuel
 * type list (shared/data/real/power-station-dictionary); everything beyond
 * them is synthetic.
 */
export const GSP_GROUPS = [
  '_A',
  '_B',
  '_C',
  '_D',
  '_E',
  '_F',
  '_G',
  '_H',
  '_J',
  '_K',
  '_L',
  '_M',
  '_N',
  '_P',
] as const
export type GspGroup = (typeof GSP_GROUPS)[number]

/** Share of GB demand per GSP Group (roughly by population) and winter TLF (north negative, south positive). */
export const GSP_DEMAND_SHARE: Record<GspGroup, number> = {
  _A: 0.11,
  _B: 0.08,
  _C: 0.1,
  _D: 0.05,
  _E: 0.09,
  _F: 0.05,
  _G: 0.08,
  _H: 0.1,
  _J: 0.08,
  _K: 0.04,
  _L: 0.05,
  _M: 0.08,
  _N: 0.06,
  _P: 0.03,
}

export const GSP_WINTER_TLF: Record<GspGroup, number> = {
  _A: 0.0042,
  _B: -0.0021,
  _C: 0.0098,
  _D: -0.0046,
  _E: 0.0012,
  _F: -0.0115,
  _G: -0.0063,
  _H: 0.0087,
  _J: 0.0091,
  _K: -0.0018,
  _L: 0.0103,
  _M: -0.0071,
  _N: -0.0196,
  _P: -0.0298,
}

const NORTH: GspGroup[] = ['_P', '_N', '_F', '_M', '_G', '_D']
const SOUTH: GspGroup[] = ['_H', '_J', '_L', '_C', '_A', '_K']

/** How a technology's physical notification is shaped through the day (dispatch.ts). */
export type DispatchKind = 'baseload' | 'wind' | 'solar' | 'storage' | 'flat' | 'merit'

export interface Technology {
  key: string
  /** Elexon fuel type */
  fuel: string
  prefix: 'T' | 'E'
  kind: DispatchKind
  capacity: [number, number]
  unitsPerStation: [number, number]
  /** £/MWh of the first offer (pair +1) and the first bid (pair −1) */
  offer: [number, number]
  bid: [number, number]
  acceptancesPerDay: [number, number]
  /** merit order of dispatchable plant (lower runs first) */
  merit?: number
  /** where the plant tends to sit */
  region?: 'north' | 'south'
  /** share of units not active in the BM (no FPN, no BOD) */
  nonBmShare?: number
  /** chance an offer acceptance is STOR-flagged */
  storShare?: number
  stems: string[]
  /** last letter of synthetic station codes, as real ones hint the fuel (W for wind) */
  suffix: string
}

// prettier-ignore
export const TECHNOLOGIES: Technology[] = [
  { key: 'CCGT', fuel: 'CCGT', prefix: 'T', kind: 'merit', merit: 1, capacity: [350, 900], unitsPerStation: [1, 3], offer: [92, 128], bid: [55, 72], acceptancesPerDay: [6, 16],
    stems: ['CARR', 'CDCL', 'CNQPS', 'CORB', 'COSO', 'DAMC', 'DIDCB', 'GRAI', 'GRMO', 'KEAD', 'LAGA', 'MRWD', 'PEMB', 'ROCK', 'SCCL', 'SEAB', 'SHBA', 'SPLN', 'STAY', 'SVRP'], suffix: 'G' },
  { key: 'NUCLEAR', fuel: 'NUCLEAR', prefix: 'T', kind: 'baseload', capacity: [550, 1200], unitsPerStation: [2, 2], offer: [180, 250], bid: [-150, -60], acceptancesPerDay: [0, 1],
    stems: ['HEYM', 'HINB', 'HRTL', 'SIZB', 'TORN'], suffix: 'N' },
  { key: 'WIND_OFFSHORE', fuel: 'WIND', prefix: 'T', kind: 'wind', region: 'north', capacity: [150, 600], unitsPerStation: [1, 4], offer: [120, 200], bid: [-90, -30], acceptancesPerDay: [2, 8],
    stems: ['BEATO', 'DDGNO', 'EAAO', 'GAOFO', 'GYMRO', 'BRBEO'], suffix: 'O' },
  { key: 'WIND_ONSHORE', fuel: 'WIND', prefix: 'E', kind: 'wind', region: 'north', capacity: [10, 100], unitsPerStation: [1, 1], offer: [120, 200], bid: [-70, -20], acceptancesPerDay: [1, 5], nonBmShare: 0.2,
    stems: ['ACHLW', 'AKGLW', 'ARCHW', 'BLKWW', 'CLDCW', 'CRYRW', 'DALSW', 'GRIFW', 'HADHW', 'FAARW', 'GORDW', 'GLOFW'], suffix: 'W' },
  { key: 'SOLAR', fuel: 'SOLAR', prefix: 'E', kind: 'solar', region: 'south', capacity: [5, 50], unitsPerStation: [1, 1], offer: [100, 160], bid: [-25, 0], acceptancesPerDay: [0, 2], nonBmShare: 0.5,
    stems: [], suffix: 'S' },
  { key: 'PS', fuel: 'PS', prefix: 'T', kind: 'storage', capacity: [90, 300], unitsPerStation: [4, 4], offer: [120, 180], bid: [30, 60], acceptancesPerDay: [6, 12],
    stems: ['DINO', 'CRUA', 'FFES', 'FOYE'], suffix: 'P' },
  { key: 'BATTERY', fuel: 'BATTERY', prefix: 'E', kind: 'storage', region: 'south', capacity: [20, 100], unitsPerStation: [1, 2], offer: [90, 150], bid: [20, 50], acceptancesPerDay: [10, 20],
    stems: [], suffix: 'B' },
  { key: 'BIOMASS', fuel: 'BIOMASS', prefix: 'T', kind: 'flat', capacity: [400, 660], unitsPerStation: [1, 4], offer: [110, 160], bid: [10, 40], acceptancesPerDay: [2, 5],
    stems: ['DRAXX', 'LNMTH', 'MARK', 'SPEY', 'STCR', 'WILCT'], suffix: 'M' },
  { key: 'COAL', fuel: 'COAL', prefix: 'T', kind: 'merit', merit: 2, capacity: [450, 660], unitsPerStation: [2, 2], offer: [130, 180], bid: [40, 70], acceptancesPerDay: [2, 4],
    stems: ['RATS', 'WBUPS', 'FIDL', 'COTPS', 'EGGPS'], suffix: 'C' },
  { key: 'OCGT', fuel: 'OCGT', prefix: 'T', kind: 'merit', merit: 3, capacity: [20, 150], unitsPerStation: [1, 2], offer: [150, 260], bid: [70, 110], acceptancesPerDay: [1, 4], storShare: 0.3,
    stems: ['COWE', 'INDQ', 'SEEL', 'BRYP', 'TESI', 'FDUNT'], suffix: 'T' },
  { key: 'RECIPROCATING', fuel: 'RECIPROCATING', prefix: 'E', kind: 'merit', merit: 3, region: 'south', capacity: [5, 50], unitsPerStation: [1, 1], offer: [140, 240], bid: [60, 100], acceptancesPerDay: [1, 4], storShare: 0.4,
    stems: [], suffix: 'R' },
  { key: 'CHP', fuel: 'CHP', prefix: 'E', kind: 'flat', capacity: [10, 80], unitsPerStation: [1, 1], offer: [100, 150], bid: [40, 70], acceptancesPerDay: [0, 2], nonBmShare: 0.4,
    stems: [], suffix: 'H' },
  { key: 'NPSHYD', fuel: 'NPSHYD', prefix: 'T', kind: 'flat', region: 'north', capacity: [20, 120], unitsPerStation: [1, 3], offer: [100, 150], bid: [20, 50], acceptancesPerDay: [2, 4],
    stems: ['CLAC', 'ERRO', 'FASN', 'GLNDO', 'RANN', 'SLOY', 'TUMB'], suffix: 'Y' },
]

export function technology(key: string): Technology {
  const found = TECHNOLOGIES.find((t) => t.key === key)
  if (!found) throw new Error(`unknown technology ${key}`)
  return found
}

/** GSP Groups a technology is likely to sit in. */
export function regionGroups(region: Technology['region']): readonly GspGroup[] {
  return region === 'north' ? NORTH : region === 'south' ? SOUTH : GSP_GROUPS
}

/** Interconnectors: code used in `I_` ids, Elexon fuel type, landing GSP Group, capacity (MW). */
// prettier-ignore
export const INTERCONNECTORS: { code: string; fuel: string; gsp: GspGroup; capacity: number }[] = [
  { code: 'IFA', fuel: 'INTFR', gsp: '_J', capacity: 2000 },
  { code: 'IF2', fuel: 'INTIFA2', gsp: '_H', capacity: 1000 },
  { code: 'BRN', fuel: 'INTNED', gsp: '_J', capacity: 1000 },
  { code: 'NEM', fuel: 'INTNEM', gsp: '_J', capacity: 1000 },
  { code: 'ELK', fuel: 'INTELEC', gsp: '_J', capacity: 1000 },
  { code: 'NSL', fuel: 'INTNSL', gsp: '_F', capacity: 1400 },
  { code: 'VKL', fuel: 'INTVKL', gsp: '_B', capacity: 1400 },
  { code: 'EWC', fuel: 'INTEW', gsp: '_D', capacity: 500 },
  { code: 'MOY', fuel: 'INTIRL', gsp: '_N', capacity: 500 },
]
