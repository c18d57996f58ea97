import db from '@adonisjs/lucid/services/db'
import type { HttpContext } from '@adonisjs/core/http'
import { seesAllParties } from '#core/auth/roles'
import { RecordNotFoundException } from '#core/auth/party_scope'
import { mailboxOpenToAll, usesDevMailTransport } from './send_mail.js'
import { listPage } from '#core/admin/list_page'

/**
 * /dev/mailbox: the outbox, newest first. Open to every visitor while the
 * outbox is the only transport outside production (that is how a developer
 * reads a reset link); otherwise only operators and admins see it, because it
 * holds live password-reset links.
 */
export default class MailboxController {
  async index({ auth, request, inertia }: HttpContext) {
    const user = auth.user
    if (!mailboxOpenToAll() && !(user && seesAllParties(user.role))) {
      throw new RecordNotFoundException()
    }

    const page = listPage(request)
    const result = await db.from('core_mail_outbox').orderBy('id', 'desc').paginate(page, 25)
    return inertia.render('dev/mailbox', {
      devTransport: usesDevMailTransport(),
      messages: result.all().map((row: any) => ({
        id: row.id,
        to: row.to_address,
        subject: row.subject,
        text: row.text_body,
        transport: row.transport,
        createdAt: new Date(row.created_at).toISOString(),
      })),
      meta: { currentPage: result.currentPage, lastPage: result.lastPage, total: result.total },
    })
  }
}
