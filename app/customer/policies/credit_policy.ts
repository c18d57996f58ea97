import { BasePolicy } from '@adonisjs/bouncer'
import type User from '#core/auth/user'
import { seesAllParties } from '#core/auth/roles'
import { allowedBy } from './party_actor.js'

/**
 * Credit (customer.md §2.4): a Cat A or Sig(C) asks for cover back and
 * completes the 24-hour credit contacts form (assistants never, [C1]); the
 * operator records lodgements, withdrawals and BSC charge payments.
 */
export default class CreditPolicy extends BasePolicy {
  requestWithdrawal(user: User) {
    return allowedBy(user, { categoryA: true, requestType: 'credit_cover' })
  }

  creditContacts(user: User) {
    return allowedBy(user, { operator: true, categoryA: true, requestType: 'credit_contacts' })
  }

  operate(user: User) {
    return seesAllParties(user.role)
  }
}
