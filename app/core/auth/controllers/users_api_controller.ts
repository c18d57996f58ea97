import type { HttpContext } from '@adonisjs/core/http'
import User from '../user.js'
import { assertPartyAccess, RecordNotFoundException, scopeToParty } from '../party_scope.js'
import { presentUser } from '../user_presenter.js'
import { findParty } from '../party_directory.js'
import { listPage } from '#core/admin/list_page'

/**
 * /api/v1 identity endpoints (token guard). A token acts as its owner: a party
 * user's token sees that party's users only; another party's user is a 404.
 */
export default class UsersApiController {
  async me({ auth }: HttpContext) {
    const user = auth.getUserOrFail()
    return { data: { ...presentUser(user), party: await findParty(user.partyId) } }
  }

  async index({ auth, request }: HttpContext) {
    const actor = auth.getUserOrFail()
    const page = listPage(request)
    const query = scopeToParty(User.query(), actor).orderBy('id')
    const partyFilter = request.input('party')
    if (typeof partyFilter === 'string' && partyFilter) query.where('party_id', partyFilter)
    const result = await query.paginate(page, 50)
    return {
      data: result.all().map(presentUser),
      meta: { currentPage: result.currentPage, lastPage: result.lastPage, total: result.total },
    }
  }

  async show({ auth, params }: HttpContext) {
    const actor = auth.getUserOrFail()
    const user = await User.find(Number(params.id) || 0)
    if (!user) throw new RecordNotFoundException()
    assertPartyAccess(actor, user.partyId)
    return { data: presentUser(user) }
  }
}
