import env from '#start/env'
import app from '@adonisjs/core/services/app'
import db from '@adonisjs/lucid/services/db'
import logger from '@adonisjs/core/services/logger'
import mail from '@adonisjs/mail/services/main'
import type { QueryClientContract, TransactionClientContract } from '@adonisjs/lucid/types/database'

/**
 * Every mail is written to core_mail_outbox and logged. With SMTP_HOST set it
 * is also handed to @adonisjs/mail's SMTP mailer, queued in memory so a slow
 * mail server never holds up the request (nor reveals, by its timing, whether
 * a password-reset address exists). Without SMTP_HOST the outbox is the
 * transport: /dev/mailbox shows it.
 */
export interface OutgoingMail {
  to: string
  subject: string
  text: string
  html?: string
}

export function usesDevMailTransport(): boolean {
  return !env.get('SMTP_HOST')
}

/** The outbox is readable by anyone only while it is a developer's only transport. */
export function mailboxOpenToAll(): boolean {
  return usesDevMailTransport() && !app.inProduction
}

export async function sendMail(
  message: OutgoingMail,
  options: { client?: QueryClientContract | TransactionClientContract } = {}
): Promise<void> {
  const transport = usesDevMailTransport() ? 'outbox' : 'smtp'
  await (options.client ?? db)
    .insertQuery()
    .table('core_mail_outbox')
    .insert({
      to_address: message.to,
      subject: message.subject.slice(0, 300),
      text_body: message.text,
      html_body: message.html ?? null,
      transport,
      created_at: new Date().toISOString(),
    })

  if (transport === 'outbox') {
    logger.info(
      { to: message.to, subject: message.subject },
      `mail (outbox only):\n${message.text}`
    )
    return
  }
  logger.info({ to: message.to, subject: message.subject }, 'mail queued for SMTP')
  await mail.use('smtp').sendLater((composed) => {
    composed.to(message.to).subject(message.subject).text(message.text)
    if (message.html) composed.html(message.html)
  })
}
