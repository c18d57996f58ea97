/**
 * BM Units of the demo market with realistic ids by type (settlement.md §3.3,
 * customer.md §7.2): 14 base `2__` units per supplier plus a few additional
 * ones, `V__` secondary units of the VLPs, `I_` import/export pairs of the
 * interconnector users, and the generators' `T_`/`E_` stations
 * (generating_units.ts).
 */
import type { Rng } from './prng.js'
import type { DemoParty } from './parties_generator.js'
import {
  GSP_GROUPS,
  GSP_DEMAND_SHARE,
  INTERCONNECTORS,
  regionGroups,
  technology,
} from './gb_reference.js'
import type { DemoBmUnit, UnitFactory } from './bm_unit_types.js'
import { generatingUnits } from './generating_units.js'

export type { DemoBmUnit, UnitFactory } from './bm_unit_types.js'

export function generateBmUnits(
  rng: Rng,
  parties: DemoParty[],
  count: number,
  firstDate: string
): DemoBmUnit[] {
  const of = (...kinds: string[]) => parties.filter((p) => kinds.includes(p.kind))
  const distributors = of('dso')
  const unit: UnitFactory = (party, spec) => ({
    ngcBmUnitId: null,
    fuel: null,
    generationCapacity: 0,
    demandCapacity: 0,
    pcFlag: 'P',
    pcStatus: 'P',
    fpnFlag: true,
    inBm: false,
    tradingUnitId: null,
    interconnectorId: null,
    demandShare: 0,
    ...spec,
    partyId: party.partyId,
    ldsoPartyId:
      spec.type === 'E' && distributors.length > 0 ? rng.pick(distributors).partyId : null,
    effectiveFrom: effectiveFrom(rng, party.accessionDate, firstDate),
  })
  const suppliers = of('supplier', 'integrated')
  const units = [
    ...supplierUnits(rng, suppliers, Math.max(1, Math.round(count * 0.03)), unit),
    ...secondaryUnits(rng, of('vlp', 'flex'), Math.max(2, Math.round(count * 0.05)), unit),
    ...interconnectorUnits(rng, of('interconnector'), count, unit),
  ]
  const generators = of('generator', 'integrated')
  const left = count - units.length
  if (left < generators.length)
    throw new Error(`${count} BM Units are too few for ${parties.length} parties`)
  units.push(...generatingUnits(rng, generators, left, unit))
  // Base supplier units declare their share of a peak near 60 % of installed generation, with headroom.
  const installed = units.reduce(
    (sum, u) => sum + (u.kind === 'storage' ? 0 : u.generationCapacity),
    0
  )
  for (const u of units.filter((candidate) => candidate.kind === 'supplier')) {
    u.demandCapacity = -Math.max(1, Math.round(installed * 0.9 * u.demandShare))
  }
  return units
}

/** Base units `2__<GSP><Supplier Id>000` in all 14 GSP Groups, plus additional units with embedded generation. */
function supplierUnits(rng: Rng, suppliers: DemoParty[], additional: number, unit: UnitFactory) {
  const weights = suppliers.map((_, i) => (i < 2 ? 3 : rng.range(0.5, 2.5)))
  const total = weights.reduce((sum, w) => sum + w, 0)
  const units = suppliers.flatMap((party, i) =>
    GSP_GROUPS.map((gsp) => {
      const id = `2__${gsp[1]}${party.participantCode}000`
      const demandShare = (weights[i] / total) * GSP_DEMAND_SHARE[gsp]
      return unit(party, {
        bmUnitId: id,
        name: `Base ${gsp}`,
        ngcBmUnitId: id,
        type: 'S',
        gspGroup: gsp,
        tech: 'SUPPLIER',
        kind: 'supplier',
        pcFlag: 'C',
        pcStatus: 'C',
        demandShare,
      })
    })
  )
  for (let i = 0; i < additional; i++) {
    const party = suppliers[i % suppliers.length]
    const tech = technology(rng.chance(0.5) ? 'SOLAR' : 'WIND_ONSHORE')
    const gsp = rng.pick(regionGroups(tech.region))
    const number = String(Math.floor(i / suppliers.length) + 1).padStart(3, '0')
    const bmUnitId = `2__${gsp[1]}${party.participantCode}${number}`
    units.push(
      unit(party, {
        bmUnitId,
        name: `Embedded ${tech.fuel.toLowerCase()} ${gsp}`,
        type: 'S',
        gspGroup: gsp,
        fuel: tech.fuel,
        tech: tech.key,
        kind: tech.kind,
        generationCapacity: rng.int(5, 30),
        fpnFlag: false,
      })
    )
  }
  return units
}

/** VLP secondary units `V__<GSP><VLP code>nnn`: home batteries or demand turn-down. */
function secondaryUnits(rng: Rng, vlps: DemoParty[], count: number, unit: UnitFactory) {
  return Array.from({ length: count }, (_, i) => {
    const party = vlps[i % vlps.length]
    const n = String(Math.floor(i / vlps.length) + 1)
    const gsp = rng.pick(GSP_GROUPS)
    const battery = rng.chance(0.4)
    const capacity = rng.int(2, 25)
    return unit(party, {
      bmUnitId: `V__${gsp[1]}${party.participantCode}${n.padStart(3, '0')}`,
      name: `${battery ? 'Home batteries' : 'Demand turn-down'} ${gsp} ${n}`,
      ngcBmUnitId: `${party.participantCode}-${gsp[1]}${n}`,
      type: 'V',
      gspGroup: gsp,
      tech: battery ? 'VLP_BATTERY' : 'VLP_DEMAND',
      kind: 'secondary',
      generationCapacity: battery ? capacity : 0,
      demandCapacity: -capacity,
      pcFlag: null,
      pcStatus: battery ? 'P' : 'C',
      inBm: true,
    })
  })
}

/** One import (`G`, P) and one export (`D`, C) unit per interconnector an IU trades on. */
function interconnectorUnits(rng: Rng, ius: DemoParty[], count: number, unit: UnitFactory) {
  const linksEach = ius.length * 4 <= count * 0.08 ? 2 : 1
  return ius.flatMap((party, p) =>
    Array.from({ length: linksEach }, (_, k) => {
      const link = INTERCONNECTORS[(p * linksEach + k) % INTERCONNECTORS.length]
      const capacity = Math.round(link.capacity * rng.range(0.15, 0.5))
      const tag = `${party.partyId.slice(0, 3)}${p.toString(36).toUpperCase()}`
      return (['import', 'export'] as const).map((kind) => {
        const imports = kind === 'import'
        const bmUnitId = `I_${link.code}${imports ? 'G' : 'D'}-${tag}`
        return unit(party, {
          bmUnitId,
          name: `${link.code} ${kind} ${party.partyId}`,
          interconnectorId: link.code,
          ngcBmUnitId: bmUnitId.slice(2),
          type: 'I',
          gspGroup: link.gsp,
          fuel: link.fuel,
          tech: imports ? 'IC_IMPORT' : 'IC_EXPORT',
          kind,
          generationCapacity: imports ? capacity : 0,
          demandCapacity: imports ? 0 : -capacity,
          pcFlag: imports ? 'P' : 'C',
          pcStatus: imports ? 'P' : 'C',
          inBm: true,
        })
      })
    }).flat()
  )
}

/** Registered some years after the party's accession, and before the first seeded day. */
function effectiveFrom(rng: Rng, accession: string, firstDate: string): string {
  const year = Math.max(Number(accession.slice(0, 4)), 2017) + rng.int(0, 4)
  const date = `${year}-${String(rng.int(1, 12)).padStart(2, '0')}-01`
  return date > firstDate ? (accession > firstDate ? firstDate : accession) : date
}
