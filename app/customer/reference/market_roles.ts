import type { BmUnitType } from './identifiers.js'

/**
 * Market roles and their registration routes (customer.md §5.1, §15): which
 * qualification sub-cases open, whether the role trades (Energy Accounts and
 * Credit Cover), which BM Unit types it may register, whether it needs a
 * participant code (Supplier Id / VLP code) and a licence.
 */
export interface MarketRole {
  code: string
  label: string
  qualifications: QualificationKind[]
  trading: boolean
  bmUnitTypes: BmUnitType[]
  needsParticipantCode: boolean
  licence: 'required' | 'none'
  assetMetering?: boolean
  prerequisites: string
}

export type QualificationKind = 'CVA' | 'SVA' | 'REC'

export const MARKET_ROLES: MarketRole[] = [
  {
    code: 'SUPPLIER',
    label: 'Supplier',
    qualifications: ['CVA', 'SVA', 'REC'],
    trading: true,
    bmUnitTypes: ['S', 'T', 'E'],
    needsParticipantCode: true,
    licence: 'required',
    prerequisites:
      'Ofgem supply licence (or exemption), CVA and SVA qualification, REC entry assessment, Credit Cover',
  },
  {
    code: 'GENERATOR',
    label: 'Generator',
    qualifications: ['CVA'],
    trading: true,
    bmUnitTypes: ['T', 'E'],
    needsParticipantCode: false,
    licence: 'required',
    prerequisites:
      'Generation licence or exemption, CVA qualification, NETSO agreement before BM Unit registration',
  },
  {
    code: 'NPT',
    label: 'Non-Physical Trader',
    qualifications: ['CVA'],
    trading: true,
    bmUnitTypes: [],
    needsParticipantCode: false,
    licence: 'none',
    prerequisites: 'CVA qualification, an ECVNA to notify trades, Credit Cover',
  },
  {
    code: 'IU',
    label: 'Interconnector User',
    qualifications: ['CVA'],
    trading: true,
    bmUnitTypes: ['I'],
    needsParticipantCode: false,
    licence: 'none',
    prerequisites: 'CVA qualification; NETSO interconnector rules',
  },
  {
    code: 'IEA',
    label: 'Interconnector Error Administrator',
    qualifications: ['CVA'],
    trading: true,
    bmUnitTypes: ['I'],
    needsParticipantCode: false,
    licence: 'none',
    prerequisites: 'CVA qualification; appointment per interconnector',
  },
  {
    code: 'DSO',
    label: 'Distribution System Operator',
    qualifications: ['CVA', 'SVA'],
    trading: false,
    bmUnitTypes: [],
    needsParticipantCode: false,
    licence: 'required',
    prerequisites: 'Distribution licence, CVA and SVA qualification (run in parallel)',
  },
  {
    code: 'VLP',
    label: 'Virtual Lead Party',
    qualifications: ['SVA', 'CVA'],
    trading: false,
    bmUnitTypes: ['V'],
    needsParticipantCode: true,
    licence: 'none',
    prerequisites: 'SVA qualification (BSCP537) and CVA testing of its P-flows',
  },
  {
    code: 'AMVLP',
    label: 'Asset Metering VLP',
    qualifications: ['SVA'],
    trading: false,
    bmUnitTypes: ['V'],
    needsParticipantCode: true,
    licence: 'none',
    assetMetering: true,
    prerequisites: 'SVA qualification as AMVLP (P375); qualified asset metering agents',
  },
  {
    code: 'VTP',
    label: 'Virtual Trading Party',
    qualifications: ['SVA'],
    trading: false,
    bmUnitTypes: [],
    needsParticipantCode: false,
    licence: 'none',
    prerequisites: 'SVA qualification (P415)',
  },
]

export const MARKET_ROLE_CODES = MARKET_ROLES.map((role) => role.code)

export function marketRole(code: string): MarketRole {
  const role = MARKET_ROLES.find((candidate) => candidate.code === code)
  if (!role) throw new Error(`Unknown market role ${code}`)
  return role
}

/** Qualification sub-case machines (customer.md §5.3): first state, terminal pass/fail states, allowed steps. */
export const QUALIFICATION_FLOWS: Record<
  QualificationKind,
  {
    first: string
    passed: string
    failed: string
    next: Record<string, string[]>
    partySteps: string[]
  }
> = {
  CVA: {
    first: 'BOOKED',
    passed: 'PASSED',
    failed: 'FAILED',
    next: { BOOKED: ['TESTING'], TESTING: ['PASSED', 'FAILED'], FAILED: ['BOOKED'] },
    partySteps: [],
  },
  SVA: {
    first: 'PLANNING_MEETING',
    passed: 'QUALIFIED',
    failed: 'NOT_QUALIFIED',
    next: {
      PLANNING_MEETING: ['SAD_IN_PROGRESS'],
      SAD_IN_PROGRESS: ['SAD_SUBMITTED'],
      SAD_SUBMITTED: ['EVIDENCE_REVIEW'],
      EVIDENCE_REVIEW: ['WITNESS_TESTING', 'QSP_REPORTED'],
      WITNESS_TESTING: ['EVIDENCE_REVIEW', 'QSP_REPORTED'],
      QSP_REPORTED: ['PAB_DECISION'],
      PAB_DECISION: ['QUALIFIED', 'NOT_QUALIFIED'],
      NOT_QUALIFIED: ['PLANNING_MEETING'],
    },
    partySteps: ['SAD_SUBMITTED'],
  },
  REC: {
    first: 'SELF_ASSESSMENT',
    passed: 'PASSED',
    failed: 'FAILED',
    next: {
      SELF_ASSESSMENT: ['SCENARIO_TESTING'],
      SCENARIO_TESTING: ['PASSED', 'FAILED'],
      FAILED: ['SELF_ASSESSMENT'],
    },
    partySteps: [],
  },
}
