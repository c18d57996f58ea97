import { BasePolicy } from '@adonisjs/bouncer'
import type User from '#core/auth/user'
import { seesAllParties } from '#core/auth/roles'
import { allowedBy } from './party_actor.js'

/** Market entry (customer.md §2.4): who prepares, who approves, what only the operator does. */
export default class EntryPolicy extends BasePolicy {
  prepareAccession(user: User) {
    return allowedBy(user, { assistant: true, operator: true, categoryA: true })
  }

  decideAccessionDraft(user: User) {
    return allowedBy(user, { categoryA: true })
  }

  operate(user: User) {
    return seesAllParties(user.role)
  }
}
