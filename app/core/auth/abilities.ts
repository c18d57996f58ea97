import { Bouncer } from '@adonisjs/bouncer'
import type User from './user.js'
import { canSeeParty } from './party_scope.js'
import { seesAllParties } from './roles.js'

/** Abilities shared by every context; context policies build on them. */
export const viewParty = Bouncer.ability((user: User, partyId: string) =>
  canSeeParty(user, partyId)
)

export const operate = Bouncer.ability((user: User) => seesAllParties(user.role))

export const administer = Bouncer.ability((user: User) => user.role === 'admin')
