/**
 * BSC Parties of the demo market: the cast (parties_cast.ts) first, then
 * synthetic ones for larger markets. Each party gets market roles, energy
 * accounts (`<id>-P`/`<id>-C`, or one `<id>-VBA` when it is only a VLP) and
 * a portfolio of technologies its BM Units will use.
 */
import type { Rng } from './prng.js'
import { CAST, PORTFOLIOS, STREETS, SUFFIXES, TOWNS, WORDS } from './parties_cast.js'
import type { CastMember } from './parties_cast.js'

export type PartyKind =
  'supplier' | 'integrated' | 'generator' | 'trader' | 'interconnector' | 'vlp' | 'flex' | 'dso'

export interface DemoAccount {
  accountId: string
  accountType: 'P' | 'C' | 'VBA'
}

export interface DemoParty {
  partyId: string
  name: string
  kind: PartyKind
  /** market role codes (customer_party_roles.role_code) */
  roles: string[]
  /** 4-character Supplier Id / VLP code used inside `2__` and `V__` BM Unit ids */
  participantCode: string | null
  registeredNumber: string
  vatNumber: string
  country: string
  /** registered office, in the customer context's address shape */
  address: { line1: string; town: string; postcode: string }
  accessionDate: string
  accounts: DemoAccount[]
  /** technology keys (gb_reference.ts) the party's generating units use */
  portfolio: string[]
}

const ROLES: Record<PartyKind, string[]> = {
  supplier: ['SUPPLIER'],
  integrated: ['SUPPLIER', 'GENERATOR'],
  generator: ['GENERATOR'],
  trader: ['NPT'],
  interconnector: ['IU'],
  vlp: ['VLP'],
  flex: ['VLP', 'VTP'],
  dso: ['DSO'],
}

/** Shares of the party count per kind; generators take what is left. */
const KIND_SHARES: [PartyKind, number][] = [
  ['trader', 0.1],
  ['interconnector', 0.1],
  ['vlp', 0.05],
  ['flex', 0.05],
  ['dso', 0.05],
]

/** How many parties of each kind a market of `count` parties and `bmUnits` units gets. */
export function planParties(count: number, bmUnits: number): Record<PartyKind, number> {
  // Every supplier holds 14 base BM Units: keep them below ~45 % of the unit budget.
  const suppliers = Math.max(
    1,
    Math.min(Math.round(count * 0.2), Math.floor((0.45 * bmUnits) / 14))
  )
  const plan = {
    supplier: suppliers - Math.floor(suppliers / 2),
    integrated: Math.floor(suppliers / 2),
  } as Record<PartyKind, number>
  for (const [kind, share] of KIND_SHARES) plan[kind] = Math.max(1, Math.round(count * share))
  const others = Object.values(plan).reduce((sum, n) => sum + n, 0)
  plan.generator = count - others
  if (plan.generator < 1)
    throw new Error(`${count} parties are too few for a market (need at least ${others + 1})`)
  return plan
}

export function generateParties(
  rng: Rng,
  count: number,
  bmUnits: number,
  firstDate: string
): DemoParty[] {
  const plan = planParties(count, bmUnits)
  const usedIds = new Set<string>()
  const usedCodes = new Set<string>()
  const parties: DemoParty[] = []
  for (const kind of Object.keys(ROLES) as PartyKind[]) {
    const cast = CAST.filter((member) => member.kind === kind)
    for (let i = 0; i < plan[kind]; i++) {
      const member = cast[i] ?? syntheticMember(rng, kind, usedIds)
      usedIds.add(member.partyId)
      parties.push(toParty(rng, member, usedCodes, firstDate))
    }
  }
  return parties
}

function syntheticMember(rng: Rng, kind: PartyKind, usedIds: Set<string>): CastMember {
  for (;;) {
    const first = rng.pick(WORDS)
    const second = rng.pick(WORDS)
    const partyId = (first + second).toUpperCase().slice(0, rng.int(5, 8))
    if (first === second || usedIds.has(partyId)) continue
    return {
      partyId,
      name: `${first} ${second} ${rng.pick(SUFFIXES[kind])}`,
      kind,
      portfolio: rng.pick(PORTFOLIOS),
    }
  }
}

function toParty(
  rng: Rng,
  member: CastMember,
  usedCodes: Set<string>,
  firstDate: string
): DemoParty {
  const { partyId, kind } = member
  const country = member.country ?? 'GB'
  const needsCode =
    kind === 'supplier' || kind === 'integrated' || kind === 'vlp' || kind === 'flex'
  const participantCode = needsCode ? uniqueCode(rng, member.code ?? partyId, usedCodes) : null
  const accounts: DemoAccount[] =
    kind === 'dso'
      ? []
      : kind === 'vlp'
        ? [{ accountId: `${partyId}-VBA`, accountType: 'VBA' }]
        : [
            { accountId: `${partyId}-P`, accountType: 'P' },
            { accountId: `${partyId}-C`, accountType: 'C' },
          ]
  const digits = String(rng.int(100000000, 999999999))
  const town = rng.pick(TOWNS)
  const accession = `${rng.int(2002, 2023)}-${pad(rng.int(1, 12))}-${pad(rng.int(1, 28))}`
  return {
    partyId,
    name: member.name,
    kind,
    roles: ROLES[kind],
    participantCode,
    registeredNumber:
      country === 'GB'
        ? rng.chance(0.15)
          ? `SC${digits.slice(0, 6)}`
          : digits.slice(0, 8)
        : `${country}${digits}`,
    vatNumber: `${country === 'GB' ? 'GB' : country}${digits}`,
    country,
    address: { line1: `${rng.int(1, 250)} ${rng.pick(STREETS)}`, town: town[0], postcode: town[1] },
    accessionDate: accession < firstDate ? accession : firstDate,
    accounts,
    portfolio: member.portfolio ?? [],
  }
}

/** A free 4-letter code, preferring the consonants of the party id (HRBLIGHT → HRBL). */
function uniqueCode(rng: Rng, source: string, used: Set<string>): string {
  const skeleton =
    source.length === 4
      ? source
      : (source[0] + source.slice(1).replace(/[AEIOU]/g, '') + source).slice(0, 4)
  let code = skeleton
  while (used.has(code))
    code = skeleton.slice(0, 2) + String.fromCharCode(65 + rng.int(0, 25), 65 + rng.int(0, 25))
  used.add(code)
  return code
}

function pad(n: number): string {
  return String(n).padStart(2, '0')
}
