import { BasePolicy } from '@adonisjs/bouncer'
import type User from '#core/auth/user'
import { seesAllParties } from '#core/auth/roles'
import { allowedBy } from './party_actor.js'

/** Role registration (customer.md §2.4, §5): the party chooses and submits; the operator qualifies and registers. */
export default class RolePolicy extends BasePolicy {
  /** An assistant may prepare the role case; a Cat A or Sig(B) submits it. */
  open(user: User) {
    return allowedBy(user, {
      assistant: true,
      operator: true,
      categoryA: true,
      requestType: 'role_registration',
    })
  }

  submit(user: User) {
    return allowedBy(user, { operator: true, categoryA: true, requestType: 'role_registration' })
  }

  advanceQualification(user: User) {
    return allowedBy(user, { operator: true, categoryA: true, requestType: 'role_registration' })
  }

  operate(user: User) {
    return seesAllParties(user.role)
  }
}
