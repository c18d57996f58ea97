/**
 * Portal roles (customer.md §2.2). Party users are assistants or authorised
 * signatories; operators and admins belong to the BSC company and see every party.
 */
export const ROLES = ['assistant', 'signatory', 'operator', 'admin'] as const
export type Role = (typeof ROLES)[number]

/** MFA is mandatory for everyone who can approve, operate or administer. */
export function requiresMfa(role: Role): boolean {
  return role !== 'assistant'
}

/** Operators and admins act for the BSC company across every party. */
export function seesAllParties(role: Role): boolean {
  return role === 'operator' || role === 'admin'
}
