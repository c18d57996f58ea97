import type { HttpContext } from '@adonisjs/core/http'
import User from '#core/auth/user'
import { assertPartyAccess, RecordNotFoundException } from '#core/auth/party_scope'
import { presentUser } from '#core/auth/user_presenter'
import { findParty } from '#core/auth/party_directory'
import { listAuditEntries } from '#core/audit/audit_log'
import { seesAllParties } from '#core/auth/roles'

/**
 * /admin/users/:id: one user. Operators see anyone; a party user may open
 * their own party's people (from /account/team) and gets 404 for anyone else.
 */
export default class UsersController {
  async show({ auth, params, inertia }: HttpContext) {
    const actor = auth.getUserOrFail()
    const user = await User.find(Number(params.id) || 0)
    if (!user) throw new RecordNotFoundException()
    assertPartyAccess(actor, user.partyId)
    const activity = seesAllParties(actor.role)
      ? await listAuditEntries({ subjectType: 'user', subjectId: String(user.id) }, 1, 20)
      : null
    return inertia.render('admin/users/show', {
      user: presentUser(user),
      party: await findParty(user.partyId),
      recentActivity: activity ? activity.rows : null,
    })
  }
}
