import type { HttpContext } from '@adonisjs/core/http'
import User from '../user.js'
import { scopeToParty } from '../party_scope.js'
import { presentUser } from '../user_presenter.js'
import { findParty } from '../party_directory.js'

/**
 * /account/team: the people of my organisation. Party users see their
 * party's users (through scopeToParty, the one scoping mechanism); BSC staff
 * see the staff, who have no party.
 */
export default class TeamController {
  async index({ auth, inertia }: HttpContext) {
    const user = auth.getUserOrFail()
    const query = User.query().orderBy('full_name')
    if (user.partyId) scopeToParty(query, user)
    else query.whereNull('party_id')
    const members = await query
    return inertia.render('account/team', {
      party: await findParty(user.partyId),
      members: members.map(presentUser),
    })
  }
}
