import type User from '#core/auth/user'
import { seesAllParties } from '#core/auth/roles'
import { activeCategories, categoriesFor } from '#customer/support/authority'

/**
 * The permission matrix (customer.md §2.4) as one rule shape: which portal
 * roles may act, and which BSCP38 categories a signatory needs (Cat A always
 * qualifies; `requestType` adds the categories the reference table maps to it).
 */
export interface ActorRule {
  assistant?: boolean
  operator?: boolean
  categoryA?: boolean
  requestType?: string
}

export async function allowedBy(user: User, rule: ActorRule): Promise<boolean> {
  if (seesAllParties(user.role)) return !!rule.operator
  if (user.role === 'assistant') return !!rule.assistant
  if (user.role !== 'signatory') return false
  const held = await activeCategories(user)
  if (rule.categoryA && held.has('A')) return true
  if (!rule.requestType) return false
  const categories = await categoriesFor(rule.requestType)
  return categories.some((code) => held.has(code))
}
