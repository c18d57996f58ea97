import { BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

/**
 * The customer context's daily work: the final check of Withdrawal Notices
 * (customer.md §10.1), the end of portal access on Withdrawal Dates (§10.2),
 * the yearly signatory confirmations and their overdue marking (§6.1).
 * Run it from the scheduler after 17:00 UK time: the final check compares
 * with the clock; `--on` dates the rest (access, confirmations).
 */
export default class CustomerDailyCommand extends BaseCommand {
  static commandName = 'customer:daily'
  static description =
    'Final exit checks, end of portal access for withdrawn parties, signatory confirmations'
  static options: CommandOptions = { startApp: true }

  @flags.string({ description: 'Evaluate as of this date (yyyy-MM-dd), default today' })
  declare on?: string

  async run() {
    if (this.on && !/^\d{4}-\d{2}-\d{2}$/.test(this.on)) {
      this.logger.error('--on must be a date as yyyy-MM-dd')
      this.exitCode = 1
      return
    }
    const { default: db } = await import('@adonisjs/lucid/services/db')
    const { today } = await import('#customer/support/lead_times')
    const on = this.on ?? today()
    const { default: lapse } = await import('#customer/actions/exit/lapse_withdrawal_notice')
    const { default: endAccess } = await import('#customer/actions/exit/end_portal_access')
    const { default: issue } =
      await import('#customer/actions/signatories/issue_signatory_confirmation')
    const { default: overdue } =
      await import('#customer/actions/signatories/mark_signatory_confirmation_overdue')

    let lapsed = 0
    for (const row of await db.from('customer_exit_cases').where('state', 'NOTICE_SERVED'))
      if (await lapse(row.id)) lapsed++
    let ended = 0
    for (const row of await db
      .from('customer_parties')
      .where('status', 'withdrawn')
      .whereNull('access_ended_at'))
      if (await endAccess(row.party_id, on)) ended++
    let issued = 0
    for (const row of await db
      .from('customer_parties')
      .whereNot('status', 'withdrawn')
      .whereNotNull('accession_date'))
      if (await issue(row.party_id, on)) issued++
    let late = 0
    for (const row of await db
      .from('customer_signatory_confirmations')
      .where('state', 'DUE')
      .where('due_on', '<', on))
      if (await overdue(row.id, on)) late++
    this.logger.info(
      `${on}: ${lapsed} notice(s) of no effect, ${ended} party access(es) ended, ${issued} signatory confirmation(s) issued, ${late} overdue`
    )
  }
}
