import { BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

/**
 * The retention rule (customer.md §6.1): hard-delete signatory authorisations
 * and contacts end-dated longer ago than the dated `record_retention`
 * parameter, and expire stale invitations. Run daily from the scheduler.
 */
export default class CustomerPurgeRetentionCommand extends BaseCommand {
  static commandName = 'customer:purge-retention'
  static description =
    'Delete end-dated signatories and contacts past the retention period; expire old invitations'
  static options: CommandOptions = { startApp: true }

  @flags.string({ description: 'Evaluate as of this date (yyyy-MM-dd), default today' })
  declare on?: string

  async run() {
    if (this.on && !/^\d{4}-\d{2}-\d{2}$/.test(this.on)) {
      this.logger.error('--on must be a date as yyyy-MM-dd')
      this.exitCode = 1
      return
    }
    const { default: purgeRetainedRecords } =
      await import('#customer/actions/signatories/purge_retained_records')
    const result = await purgeRetainedRecords(this.on)
    if (!result.cutoff) {
      this.logger.warning('No record_retention parameter is in force: nothing deleted')
      return
    }
    this.logger.info(
      `Cut-off ${result.cutoff}: ${result.authorisations} authorisation(s) and ${result.contacts} contact(s) deleted`
    )
  }
}
