import db from '@adonisjs/lucid/services/db'
import type { QueryClientContract, TransactionClientContract } from '@adonisjs/lucid/types/database'
import { sendMail } from '#core/mail/send_mail'
import { renderMail } from '#core/mail/mail_body'
import { appUrl } from '#core/mail/app_url'

/**
 * Tell a user something: a row in core_notifications (the bell and
 * /account/notifications) and the same message by e-mail. Other contexts call
 * this through `#core/notifications/notify`; pass `client` to write inside
 * their transaction.
 */
export interface Recipient {
  id: number
  email: string
  fullName?: string
}

export interface NotificationMessage {
  title: string
  body: string
  /** A portal path such as `/customer/applications/12`. */
  link?: string | null
}

export async function notify(
  user: Recipient,
  message: NotificationMessage,
  options: { client?: QueryClientContract | TransactionClientContract } = {}
): Promise<void> {
  await (options.client ?? db)
    .insertQuery()
    .table('core_notifications')
    .insert({
      user_id: user.id,
      title: message.title.slice(0, 200),
      body: message.body,
      link: message.link ?? null,
      read_at: null,
      created_at: new Date().toISOString(),
    })

  const content = renderMail({
    greeting: user.fullName ? `Hello ${user.fullName},` : 'Hello,',
    paragraphs: [message.body],
    action: message.link ? { label: 'Open in the portal', url: appUrl(message.link) } : undefined,
    footer: 'You receive this because you have an account on the Kinnect Open portal.',
  })
  await sendMail({ to: user.email, subject: message.title, ...content }, options)
}

export async function unreadCount(userId: number): Promise<number> {
  const row = await db
    .from('core_notifications')
    .where('user_id', userId)
    .whereNull('read_at')
    .count('* as total')
    .first()
  return Number(row?.total ?? 0)
}
