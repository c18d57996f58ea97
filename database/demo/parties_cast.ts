/**
 * Who the demo market's parties are: a fixed cast of fictional companies (two
 * of them are customer.md §12's worked examples, Harbourlight and Fenmoor),
 * and word lists for synthetic parties when a larger market needs more.
 */
import type { PartyKind } from './parties_generator.js'

export interface CastMember {
  partyId: string
  name: string
  kind: PartyKind
  code?: string
  country?: string
  portfolio?: string[]
}

// prettier-ignore
export const CAST: CastMember[] = [
  { partyId: 'HRBLIGHT', name: 'Harbourlight Energy Ltd', kind: 'supplier', code: 'HRBL' },
  { partyId: 'TYNEVALE', name: 'Tynevale Energy Supply Ltd', kind: 'supplier', code: 'TYNV' },
  { partyId: 'BRACKEN', name: 'Bracken Power plc', kind: 'integrated', code: 'BRKN', portfolio: ['CCGT', 'WIND_OFFSHORE', 'NUCLEAR'] },
  { partyId: 'MERIDIAN', name: 'Meridian Utilities plc', kind: 'integrated', code: 'MRDN', portfolio: ['CCGT', 'WIND_ONSHORE', 'BATTERY'] },
  { partyId: 'NORTHWND', name: 'Northwind Generation Ltd', kind: 'generator', portfolio: ['WIND_OFFSHORE', 'WIND_ONSHORE'] },
  { partyId: 'SOLENTGP', name: 'Solent Gas Power Ltd', kind: 'generator', portfolio: ['CCGT', 'OCGT'] },
  { partyId: 'CALEDNUC', name: 'Caledon Nuclear Generation Ltd', kind: 'generator', portfolio: ['NUCLEAR'] },
  { partyId: 'HIGHSTOR', name: 'Highland Storage Ltd', kind: 'generator', portfolio: ['PS', 'NPSHYD'] },
  { partyId: 'VOLTBANK', name: 'Voltbank Batteries Ltd', kind: 'generator', portfolio: ['BATTERY'] },
  { partyId: 'OAKBIO', name: 'Oakridge Biomass plc', kind: 'generator', portfolio: ['BIOMASS', 'COAL'] },
  { partyId: 'PEAKLINE', name: 'Peakline Generation Ltd', kind: 'generator', portfolio: ['OCGT', 'RECIPROCATING', 'CHP'] },
  { partyId: 'SUNFIELD', name: 'Sunfield Renewables Ltd', kind: 'generator', portfolio: ['SOLAR', 'BATTERY'] },
  { partyId: 'MARLOWW', name: 'Marlow Wind Partners LLP', kind: 'generator', portfolio: ['WIND_ONSHORE'] },
  { partyId: 'KESTREL', name: 'Kestrel Energy Trading Ltd', kind: 'trader' },
  { partyId: 'ARGENT', name: 'Argent Commodities Ltd', kind: 'trader' },
  { partyId: 'CHANLINK', name: 'Channel Link Trading SAS', kind: 'interconnector', country: 'FR' },
  { partyId: 'NORDPWR', name: 'Nordic Power Trading AS', kind: 'interconnector', country: 'NO' },
  { partyId: 'FENMOOR', name: 'Fenmoor Flex Ltd', kind: 'vlp', code: 'FNMF' },
  { partyId: 'QUAYSIDE', name: 'Quayside Demand Response Ltd', kind: 'flex', code: 'QYSD' },
  { partyId: 'WESTDIST', name: 'Western Distribution plc', kind: 'dso' },
]

// prettier-ignore
export const WORDS = ['Aster', 'Beacon', 'Birch', 'Cairn', 'Cobalt', 'Corrie', 'Dunmore', 'Elder', 'Ember', 'Fenwick', 'Glen', 'Granite',
  'Heron', 'Hollin', 'Ivybridge', 'Juniper', 'Kelvin', 'Larch', 'Lowther', 'Mistral', 'Moorfield', 'Nevis', 'Orchard',
  'Pennine', 'Quarry', 'Redwing', 'Rowan', 'Saltire', 'Severn', 'Skye', 'Thistle', 'Trent', 'Tern', 'Upland', 'Vale',
  'Wren', 'Wolds', 'Yarrow', 'Zephyr', 'Alder', 'Brent', 'Calder', 'Derwent', 'Esk', 'Foss', 'Kennet', 'Lune', 'Medway']
export const SUFFIXES: Record<PartyKind, string[]> = {
  supplier: ['Energy Supply Ltd', 'Home Energy Ltd', 'Power Supply Ltd'],
  integrated: ['Energy plc', 'Utilities plc'],
  generator: [
    'Generation Ltd',
    'Renewables Ltd',
    'Power Ltd',
    'Energy Storage Ltd',
    'Wind Farm Ltd',
  ],
  trader: ['Energy Trading Ltd', 'Commodities Ltd', 'Markets LLP'],
  interconnector: ['Interconnector Trading Ltd', 'Cross-Border Power BV'],
  vlp: ['Flex Ltd', 'Aggregation Ltd'],
  flex: ['Demand Response Ltd', 'Flexibility Ltd'],
  dso: ['Distribution Ltd', 'Networks Ltd'],
}
// prettier-ignore
export const PORTFOLIOS = [['WIND_ONSHORE'], ['WIND_ONSHORE', 'SOLAR'], ['SOLAR', 'BATTERY'], ['BATTERY'], ['BATTERY', 'RECIPROCATING'],
  ['RECIPROCATING', 'CHP'], ['WIND_ONSHORE', 'BATTERY'], ['SOLAR'], ['NPSHYD', 'WIND_ONSHORE'], ['WIND_OFFSHORE'],
  ['CCGT', 'OCGT'], ['OCGT', 'RECIPROCATING'], ['CHP', 'BIOMASS']]
// prettier-ignore
export const TOWNS: [string, string][] = [['London', 'EC2V 7HN'], ['Glasgow', 'G2 1DY'], ['Manchester', 'M1 4BT'], ['Leeds', 'LS1 4DY'],
  ['Bristol', 'BS1 6HY'], ['Cardiff', 'CF10 2EE'], ['Edinburgh', 'EH2 4RG'], ['Newcastle upon Tyne', 'NE1 3DX'],
  ['Birmingham', 'B2 4QA'], ['Reading', 'RG1 3EH'], ['Aberdeen', 'AB10 1YL'], ['Norwich', 'NR1 3NG']]
export const STREETS = [
  'Queen Street',
  'Station Road',
  'High Street',
  'Wharf Road',
  'Mill Lane',
  'Exchange Square',
  'Harbour Way',
]
