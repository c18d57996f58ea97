import db from '@adonisjs/lucid/services/db'
import type { HttpContext } from '@adonisjs/core/http'
import { RecordNotFoundException } from '#core/auth/party_scope'
import { affectedRows } from '#core/auth/affected_rows'
import { listPage } from '#core/admin/list_page'

/**
 * A user's own notifications: the list (portal page and API) and marking
 * them read. Every query is bound to the signed-in user, so another user's
 * notification answers 404.
 */
function present(row: any) {
  return {
    id: row.id,
    title: row.title,
    body: row.body,
    link: row.link,
    readAt: row.read_at ? new Date(row.read_at).toISOString() : null,
    createdAt: new Date(row.created_at).toISOString(),
  }
}

async function listFor(userId: number, page: number) {
  const result = await db
    .from('core_notifications')
    .where('user_id', userId)
    .orderBy('id', 'desc')
    .paginate(page, 25)
  return {
    notifications: result.all().map(present),
    meta: { currentPage: result.currentPage, lastPage: result.lastPage, total: result.total },
  }
}

export default class NotificationsController {
  async index({ auth, request, inertia }: HttpContext) {
    const page = listPage(request)
    return inertia.render('account/notifications', await listFor(auth.getUserOrFail().id, page))
  }

  async apiIndex({ auth, request }: HttpContext) {
    const page = listPage(request)
    const { notifications, meta } = await listFor(auth.getUserOrFail().id, page)
    return { data: notifications, meta }
  }

  async markRead({ auth, params, response }: HttpContext) {
    await markOneRead(auth.getUserOrFail().id, params.id)
    return response.redirect().back()
  }

  async apiMarkRead({ auth, params, response }: HttpContext) {
    await markOneRead(auth.getUserOrFail().id, params.id)
    return response.noContent()
  }

  async markAllRead({ auth, response, session }: HttpContext) {
    await db
      .from('core_notifications')
      .where('user_id', auth.getUserOrFail().id)
      .whereNull('read_at')
      .update({ read_at: new Date().toISOString() })
    session.flash('success', 'All notifications marked as read.')
    return response.redirect().back()
  }
}

async function markOneRead(userId: number, id: string) {
  const updated = await db
    .from('core_notifications')
    .where('id', Number(id) || 0)
    .where('user_id', userId)
    .update({ read_at: new Date().toISOString() })
  if (!affectedRows(updated)) throw new RecordNotFoundException()
}
