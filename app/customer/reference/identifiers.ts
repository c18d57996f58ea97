/**
 * Identifier rules of the customer register (customer.md §4.1, §4.3, §7.2, §8.1).
 * Pure functions: the VineJS rules, the Vue forms' hints and the unit tests use them.
 */

export const PARTY_ID = /^[A-Z0-9]{3,8}$/
export const PARTICIPANT_CODE = /^[A-Z0-9]{4}$/
export const COMPANY_NUMBER_GB = /^(\d{8}|[A-Z]{2}\d{6})$/
export const ACCOUNT_NUMBER = /^\d{8}$/
/** Royal Mail postcode shapes (outward code, optional space, inward code). */
export const UK_POSTCODE =
  /^(GIR ?0AA|[A-PR-UWYZ](\d{1,2}|[A-HK-Y]\d{1,2}|\d[A-HJKPS-UW]|[A-HK-Y]\d[ABEHMNPRV-Y]) ?\d[ABD-HJLNP-UW-Z]{2})$/
export const GSP_LETTERS = 'ABCDEFGHJKLMNP'

/**
 * GB VAT numbers: 9 digits (or 12 with a branch suffix) whose weighted sum
 * (8..2 over the first seven digits) plus the two check digits is divisible by
 * 97, or by 97 after adding 55 (the scheme for numbers issued since 2010).
 */
export function isValidGbVat(value: string): boolean {
  const match = /^GB(\d{9})(\d{3})?$/.exec(value)
  if (!match) return false
  const digits = match[1].split('').map(Number)
  const weighted = digits.slice(0, 7).reduce((sum, digit, i) => sum + digit * (8 - i), 0)
  const check = digits[7] * 10 + digits[8]
  return (weighted + check) % 97 === 0 || (weighted + check + 55) % 97 === 0
}

const MSID_WEIGHTS = [3, 5, 7, 13, 17, 19, 23, 29, 31, 37, 41, 43]

/** The check digit of a 13-digit MPAN core; null when the shape is wrong. */
export function msidCheckDigit(value: string): number | null {
  if (!/^\d{13}$/.test(value)) return null
  const sum = MSID_WEIGHTS.reduce((total, weight, i) => total + weight * Number(value[i]), 0)
  return (sum % 11) % 10
}

export function isValidMsid(value: string): boolean {
  const expected = msidCheckDigit(value)
  return expected !== null && expected === Number(value[12])
}

export const BM_UNIT_TYPES = ['T', 'E', 'I', 'S', 'V'] as const
export type BmUnitType = (typeof BM_UNIT_TYPES)[number]

const BM_UNIT_PATTERNS: Record<
  BmUnitType,
  { pattern: RegExp; example: string; explanation: string }
> = {
  T: {
    pattern: /^T_[A-Z0-9]{2,8}(-[A-Z0-9]{1,3})?$/,
    example: 'T_DRAXX-1',
    explanation: 'T_ then the grid id (2–8 letters/digits), optionally -1..-999',
  },
  E: {
    pattern: /^E_[A-Z0-9]{2,8}(-[A-Z0-9]{1,3})?$/,
    example: 'E_ABRBO-1',
    explanation: 'E_ then the grid id (2–8 letters/digits), optionally -1..-999',
  },
  I: {
    pattern: /^I_[A-Z0-9-]{3,9}$/,
    example: 'I_IFD-FRAN1',
    explanation: 'I_ then 3–9 letters, digits or hyphens',
  },
  S: {
    pattern: /^(2|C)__[A-HJ-NP][A-Z0-9]{4}\d{3}$/,
    example: '2__AHRBL001',
    explanation:
      '2__ (or C__ for CfD assets), the GSP Group letter, your 4-character Supplier Id and 3 digits',
  },
  V: {
    pattern: /^V__[A-HJ-NP][A-Z0-9]{4}\d{3}$/,
    example: 'V__JFNMF001',
    explanation: 'V__, the GSP Group letter, your 4-character VLP code and 3 digits',
  },
}

export function bmUnitIdGuidance(type: BmUnitType) {
  return BM_UNIT_PATTERNS[type]
}

/**
 * Why a BM Unit id does not fit its type, GSP Group and owner; null when it does.
 * For 2__/C__/V__ ids the GSP letter must be the unit's group and the 4-character
 * code the registering party's (customer.md §7.2).
 */
export function bmUnitIdProblem(
  id: string,
  type: BmUnitType,
  gspGroupId: string | null,
  participantCode: string | null
) {
  const rule = BM_UNIT_PATTERNS[type]
  if (id.length > 11) return 'A BM Unit id has at most 11 characters'
  if (!rule.pattern.test(id))
    return `Not a valid ${type} BM Unit id: ${rule.explanation} (e.g. ${rule.example})`
  if (type === 'S' || type === 'V') {
    if (gspGroupId && id[3] !== gspGroupId[1])
      return `The GSP Group letter in the id (${id[3]}) must match the unit's GSP Group ${gspGroupId}`
    if (!participantCode) return 'Your party has no participant code (Supplier Id or VLP code) yet'
    if (id.slice(4, 8) !== participantCode)
      return `The 4-character code in the id must be your own (${participantCode})`
  }
  return null
}

/** Base Supplier BMUs are generated, one per GSP Group: 2__AHRBL000 … 2__PHRBL000. */
export function baseSupplierBmUnitIds(supplierId: string): string[] {
  return GSP_LETTERS.split('').map((letter) => `2__${letter}${supplierId}000`)
}
