import { registerAccessCheck } from '#core/auth/access_checks'
import { partyAccessEnded } from './support/portal_access.js'

/*
 * Users of a party that has withdrawn lose the portal and the API on its
 * Withdrawal Date (customer.md §10.2): core refuses their sign-in, sessions and tokens.
 */
registerAccessCheck(async ({ partyId }) =>
  partyId && (await partyAccessEnded(partyId))
    ? 'Your organisation has left the BSC: its portal access has ended.'
    : null
)
