/**
 * The dated parameters of the customer context (customer.md §3.3, §15): every
 * lead time, threshold and charge is data with an effective date, so a
 * Modification changes it without code. Each kind accepts only the units that
 * make sense for it (a percentage is never "working days").
 */
export type ParameterUnit = 'working_days' | 'days' | 'months' | 'percent' | 'pence'

const TIME: ParameterUnit[] = ['working_days', 'days', 'months']

interface ParameterSpec {
  units: ParameterUnit[]
  label: string
}

const KINDS = {
  eoi_triage: { units: TIME, label: 'EoI → Assistant access' },
  accession_check: { units: TIME, label: 'Operator check of a submitted case' },
  role_registration: { units: TIME, label: 'Role registration lead time (BSCP65/01)' },
  cva_test_booking: { units: TIME, label: 'CVA test booking → first test (BSCP70)' },
  primary_bm_unit_registration: { units: TIME, label: 'Primary BM Unit lead time' },
  msid_pair_allocation: { units: TIME, label: 'MSID Pair lead time (P0278)' },
  draft_approval: { units: TIME, label: 'Cat A decision on a draft' },
  invitation_expiry: { units: TIME, label: 'Invitation validity' },
  record_retention: { units: TIME, label: 'Retention of end-dated contacts and signatories' },
  withdrawal_notice: { units: TIME, label: 'Minimum withdrawal notice (no default, §15)' },
  signatory_confirmation_cycle: { units: TIME, label: 'Annual signatory confirmation cycle' },
  signatory_confirmation_due: { units: TIME, label: 'Time to answer a signatory confirmation' },
  credit_default_escalation: { units: TIME, label: 'Level 1 Credit Default before the Panel' },
  credit_default_level_1: { units: ['percent'], label: 'Level 1 Credit Default above (CCP)' },
  credit_default_level_2: { units: ['percent'], label: 'Level 2 Credit Default above (CCP)' },
  base_monthly_charge: { units: ['pence'], label: 'Base Monthly Charge (net of VAT)' },
  accession_fee: { units: ['pence'], label: 'Accession Fee' },
  vat_rate: { units: ['percent'], label: 'VAT rate on BSC charges' },
} satisfies Record<string, ParameterSpec>

export type ParameterKind = keyof typeof KINDS
export const PARAMETER_KINDS: Record<ParameterKind, ParameterSpec> = KINDS
export const PARAMETER_KIND_NAMES = Object.keys(PARAMETER_KINDS) as ParameterKind[]
export const PARAMETER_UNITS: ParameterUnit[] = [...TIME, 'percent', 'pence']
