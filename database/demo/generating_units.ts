/**
 * The generators' `T_`/`E_` BM Units, built station by station: units of a
 * station share a code (a real National Grid stem while the list lasts),
 * size and GSP Group; a pumped-storage or battery site with several units
 * shares one Trading Unit.
 */
import type { Rng } from './prng.js'
import type { DemoParty } from './parties_generator.js'
import type { DemoBmUnit, UnitFactory } from './bm_units_generator.js'
import { regionGroups, technology } from './gb_reference.js'

/**
 * Share of generating units per technology, roughly the GB register's: few large thermal
 * units, many wind farms, batteries and small embedded plant.
 */
// prettier-ignore
const MIX: Record<string, number> = {
  CCGT: 0.04, WIND_OFFSHORE: 0.03, WIND_ONSHORE: 0.3, SOLAR: 0.15, BATTERY: 0.24, NUCLEAR: 0.005, PS: 0.007,
  BIOMASS: 0.01, COAL: 0.002, OCGT: 0.03, RECIPROCATING: 0.09, CHP: 0.04, NPSHYD: 0.03,
}

/**
 * `count` units: every generator first gets a station of its main technology,
 * then stations are drawn by the GB mix and given to a party whose portfolio
 * has that technology.
 */
export function generatingUnits(
  rng: Rng,
  generators: DemoParty[],
  count: number,
  unit: UnitFactory
): DemoBmUnit[] {
  const units: DemoBmUnit[] = []
  const usedStems = new Set<string>()
  const portfolio = (party: DemoParty) => (party.portfolio.length > 0 ? party.portfolio : ['CCGT'])
  const left = () => count - units.length
  generators.forEach((party, g) => {
    // Leave one unit for each generator still waiting for its first station.
    const room = left() - (generators.length - g - 1)
    units.push(...station(rng, party, portfolio(party)[0], room, usedStems, unit))
  })
  const techs = Object.keys(MIX).filter((key) => generators.some((p) => portfolio(p).includes(key)))
  while (left() > 0) {
    const key = techs[rng.weighted(techs.map((t) => MIX[t]))]
    const owner = rng.pick(generators.filter((party) => portfolio(party).includes(key)))
    units.push(...station(rng, owner, key, left(), usedStems, unit))
  }
  return units
}

function station(
  rng: Rng,
  party: DemoParty,
  key: string,
  room: number,
  usedStems: Set<string>,
  unit: UnitFactory
): DemoBmUnit[] {
  const tech = technology(key)
  const size = Math.max(1, Math.min(rng.int(...tech.unitsPerStation), room))
  const stem =
    tech.stems.find((s) => !usedStems.has(s)) ?? syntheticStem(rng, tech.suffix, usedStems)
  usedStems.add(stem)
  const gspGroup = rng.pick(regionGroups(tech.region))
  const capacity = rng.int(...tech.capacity)
  const inBm = !rng.chance(tech.nonBmShare ?? 0)
  const storage = tech.kind === 'storage'
  return Array.from({ length: size }, (_, k) =>
    unit(party, {
      bmUnitId: `${tech.prefix}_${stem}-${k + 1}`,
      name: `${stem[0]}${stem.slice(1).toLowerCase()} ${k + 1} (${tech.fuel})`,
      ngcBmUnitId: `${stem}-${k + 1}`,
      type: tech.prefix,
      gspGroup,
      fuel: tech.fuel,
      tech: tech.key,
      kind: tech.kind,
      generationCapacity: capacity,
      // Storage imports as much as it exports; thermal plant draws a little when off.
      demandCapacity: storage
        ? -capacity
        : tech.kind === 'merit'
          ? -Math.round(capacity * 0.02)
          : 0,
      // A lone storage unit's P/C status is decided day by day (flag null); it produces on balance.
      pcFlag: storage && size === 1 ? null : 'P',
      fpnFlag: inBm,
      inBm,
      tradingUnitId: storage && size > 1 ? `TU-${stem}` : null,
    })
  )
}

/** Four letters, consonant–vowel like real station codes, and a letter hinting the fuel (W for wind). */
function syntheticStem(rng: Rng, suffix: string, used: Set<string>): string {
  for (;;) {
    const letters = Array.from({ length: 4 }, (_, i) =>
      String.fromCharCode(65 + (i % 2 ? rng.pick([0, 4, 8, 14, 20]) : rng.int(0, 25)))
    )
    const stem = letters.join('') + suffix
    if (!used.has(stem)) return stem
  }
}
