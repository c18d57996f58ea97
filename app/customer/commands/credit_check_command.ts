import { BaseCommand } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

/**
 * The credit default check (customer.md §9): the CCP of every party that
 * trades, holds cover or is in default, against the dated Level 1 and 2
 * thresholds. Run it from the scheduler as often as settlement data changes
 * (Elexon checks every Settlement Period).
 */
export default class CustomerCreditCheckCommand extends BaseCommand {
  static commandName = 'customer:credit-check'
  static description = 'Evaluate the credit default level of every trading party'
  static options: CommandOptions = { startApp: true }

  async run() {
    const { default: db } = await import('@adonisjs/lucid/services/db')
    const { default: evaluateCreditDefault } =
      await import('#customer/actions/credit/evaluate_credit_default')
    const { TRADING_ROLE_CODES } = await import('#customer/support/credit')
    const rows = await db
      .from('customer_parties')
      .whereNot('status', 'withdrawn')
      .where((q) =>
        q
          .whereIn(
            'party_id',
            db
              .from('customer_party_roles')
              .where('status', 'registered')
              .whereIn('role_code', TRADING_ROLE_CODES)
              .select('party_id')
          )
          .orWhereIn('party_id', db.from('customer_credit_cover_movements').select('party_id'))
          .orWhereIn(
            'party_id',
            db.from('customer_credit_defaults').whereNot('state', 'CLEARED').select('party_id')
          )
      )
      .orderBy('party_id')
      .select('party_id')
    let unknown = 0
    let changed = 0
    for (const row of rows) {
      const result = await evaluateCreditDefault(row.party_id)
      if (result.position.level === null) unknown++
      if (result.changed) {
        changed++
        this.logger.info(
          `${row.party_id}: level ${result.position.level} (${result.position.summary})`
        )
      }
    }
    this.logger.info(`${rows.length} part(y/ies) checked, ${changed} changed, ${unknown} unknown`)
    if (unknown)
      this.logger.warning('Unknown CCPs change nothing: settlement does not report what they owe')
  }
}
