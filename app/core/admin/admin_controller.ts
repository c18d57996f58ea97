import db from '@adonisjs/lucid/services/db'
import type { HttpContext } from '@adonisjs/core/http'
import User from '#core/auth/user'
import { presentUser } from '#core/auth/user_presenter'
import { listAuditEntries } from '#core/audit/audit_log'
import { listPage } from '#core/admin/list_page'

/**
 * /admin (operators and admins): links to the admin areas and the users list,
 * filtered by party ("none" = BSC staff); /admin/audit: the audit log.
 */
export default class AdminController {
  async index({ request, inertia }: HttpContext) {
    const party = String(request.input('party', '')).slice(0, 12)
    const page = listPage(request)
    const query = User.query().orderBy('party_id').orderBy('full_name')
    if (party === 'none') query.whereNull('party_id')
    else if (party) query.where('party_id', party)
    const result = await query.paginate(page, 50)
    const parties = await db
      .from('core_users')
      .distinct('party_id')
      .whereNotNull('party_id')
      .orderBy('party_id')

    return inertia.render('admin/index', {
      filters: { party },
      partyOptions: parties.map((row: any) => row.party_id as string),
      users: result.all().map(presentUser),
      meta: { currentPage: result.currentPage, lastPage: result.lastPage, total: result.total },
    })
  }

  async audit({ request, inertia }: HttpContext) {
    const filters = {
      action: String(request.input('action', '')).slice(0, 100),
      partyId: String(request.input('party', '')).slice(0, 12),
    }
    const page = listPage(request)
    const { rows, meta } = await listAuditEntries(filters, page)
    const actions = await db.from('core_audit_log').distinct('action').orderBy('action')
    return inertia.render('admin/audit', {
      filters,
      actionOptions: actions.map((row: any) => row.action as string),
      entries: rows,
      meta,
    })
  }
}
