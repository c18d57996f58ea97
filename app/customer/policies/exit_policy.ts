import { BasePolicy } from '@adonisjs/bouncer'
import type User from '#core/auth/user'
import { seesAllParties } from '#core/auth/roles'
import { allowedBy } from './party_actor.js'

/** Market exit (customer.md §2.4): a Cat A serves or revokes the notice; the operator decides. */
export default class ExitPolicy extends BasePolicy {
  serve(user: User) {
    return allowedBy(user, { categoryA: true })
  }

  operate(user: User) {
    return seesAllParties(user.role)
  }
}
