import { BasePolicy } from '@adonisjs/bouncer'
import type User from '#core/auth/user'
import type ChangeRequest from '#customer/models/change_request'
import { activeCategories } from '#customer/support/authority'
import { allowedBy } from './party_actor.js'

/** My Account (customer.md §2.4): assistants prepare; Cat A (or F for bank details) apply and approve. */
export default class AccountPolicy extends BasePolicy {
  prepare(user: User) {
    return allowedBy(user, { assistant: true, operator: true, categoryA: true })
  }

  prepareBankDetails(user: User) {
    return allowedBy(user, {
      assistant: true,
      operator: true,
      categoryA: true,
      requestType: 'bank_details',
    })
  }

  endContact(user: User) {
    return allowedBy(user, { operator: true, categoryA: true })
  }

  /** Only a signatory of the party holding one of the request's approving categories. */
  async decide(user: User, request: ChangeRequest) {
    if (user.role !== 'signatory') return false
    const held = await activeCategories(user)
    return request.approverCategories.some((code) => held.has(code))
  }
}
