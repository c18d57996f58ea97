import { BasePolicy } from '@adonisjs/bouncer'
import type User from '#core/auth/user'
import { allowedBy } from './party_actor.js'

/** Authorised signatories and portal access (customer.md §2.4, §6). */
export default class SignatoryPolicy extends BasePolicy {
  propose(user: User) {
    return allowedBy(user, { assistant: true, operator: true, categoryA: true })
  }

  /** Cat A of the party, or the operator for a first Cat A; the action tells which applies. */
  decide(user: User) {
    return allowedBy(user, { operator: true, categoryA: true })
  }

  endDate(user: User) {
    return allowedBy(user, { operator: true, categoryA: true })
  }

  /** Invite an assistant, or give an existing signatory portal access (§2.4: Cat A). */
  inviteUser(user: User) {
    return allowedBy(user, { categoryA: true })
  }

  /** The annual confirmation of the authorised persons (§6.1). */
  confirmList(user: User) {
    return allowedBy(user, { categoryA: true })
  }
}
