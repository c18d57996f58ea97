import env from '#start/env'
import { defineConfig, transports } from '@adonisjs/mail'

/**
 * With SMTP_HOST set, mail goes out by SMTP. Without it, mail is only kept in
 * the outbox (core_mail_outbox), shown at /dev/mailbox and in the log.
 */
const mailConfig = defineConfig({
  default: 'smtp',
  from: { address: env.get('MAIL_FROM', 'portal@kinnect.local'), name: 'Kinnect Open' },
  mailers: {
    smtp: transports.smtp({
      host: env.get('SMTP_HOST', 'localhost'),
      port: env.get('SMTP_PORT', 25),
    }),
  },
})

export default mailConfig

declare module '@adonisjs/mail/types' {
  export interface MailersList extends InferMailers<typeof mailConfig> {}
}
