import { BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'
import { writeStdout } from './stdout.js'

export default class SettlementReportCommand extends BaseCommand {
  static commandName = 'settlement:report'
  static description =
    "Print a party's settlement statement for a run (daily charges, per-period account and BM Unit lines)"
  static options: CommandOptions = { startApp: true }

  @flags.number({ flagName: 'run', description: 'Run id', required: true })
  declare runId: number

  @flags.string({ description: 'BSC Party id', required: true })
  declare party: string

  @flags.string({ description: 'csv (default) or json' })
  declare format?: string

  async run() {
    const { buildStatement, statementCsv, StatementNotFound } =
      await import('#settlement/actions/build_statement')
    const format = this.format ?? 'csv'
    if (format !== 'csv' && format !== 'json') {
      this.logger.error(`--format must be csv or json, got "${format}"`)
      this.exitCode = 1
      return
    }
    try {
      const statement = await buildStatement(this.runId, this.party)
      await writeStdout(
        format === 'json' ? `${JSON.stringify(statement, null, 2)}\n` : statementCsv(statement)
      )
    } catch (error) {
      if (!(error instanceof StatementNotFound)) throw error
      this.logger.error(
        `No statement for party ${this.party} in run ${this.runId} (unknown run or party, or the run has no results)`
      )
      this.exitCode = 1
    }
  }
}
