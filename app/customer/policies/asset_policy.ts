import { BasePolicy } from '@adonisjs/bouncer'
import type User from '#core/auth/user'
import { seesAllParties } from '#core/auth/roles'
import { allowedBy } from './party_actor.js'

/** BM Units, metering systems, MSID Pairs, AMSIDs (customer.md §2.4): Cat A or Sig(B) register, the operator validates. */
export default class AssetPolicy extends BasePolicy {
  register(user: User) {
    return allowedBy(user, { operator: true, categoryA: true, requestType: 'bm_unit_registration' })
  }

  operate(user: User) {
    return seesAllParties(user.role)
  }
}
