import { BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'
import type { SeedSummary } from './demo_seed.js'
import { renderLogins } from './logins_table.js'

/**
 * `node ace demo:seed`: a small, realistic GB market for demos and
 * benchmarks (parties, BM Units, logins, several days of settlement inputs).
 * `--bm-units 3500 --days 1` builds a GB-scale day.
 */
export default class DemoSeedCommand extends BaseCommand {
  static commandName = 'demo:seed'
  static description =
    'Seed a deterministic demo GB market: parties, BM Units, logins and settlement inputs'
  static options: CommandOptions = { startApp: true }

  @flags.array({
    description: 'Settlement date yyyy-MM-dd (repeatable); with --days, the first day',
  })
  declare date?: string[]

  @flags.number({ description: 'Number of consecutive days from --date' })
  declare days?: number

  @flags.number({ description: 'Number of BM Units (default 150; 3500 for a GB-scale market)' })
  declare bmUnits?: number

  @flags.number({
    description: 'Number of parties (default: scales with the BM Units, at least 20)',
  })
  declare parties?: number

  @flags.number({ description: 'Seed of the random generator (default 1)' })
  declare seed?: number

  @flags.boolean({ description: 'Delete the demo data and seed again' })
  declare reset?: boolean

  @flags.boolean({
    description: "Publish each day's public data (generation, demand, BOD …) to Insights",
    default: true,
    showNegatedVariantInHelp: true,
  })
  declare publish: boolean

  @flags.boolean({ description: 'Print a JSON summary instead of tables' })
  declare json?: boolean

  async run() {
    const { DEFAULT_BM_UNITS } = await import('./demo_market.js')
    const { seedDemo } = await import('./demo_seed.js')
    try {
      for (const [name, value, min] of [
        ['--days', this.days, 1],
        ['--bm-units', this.bmUnits, 30],
        ['--parties', this.parties, 8],
        ['--seed', this.seed, 0],
      ] as const) {
        if (value !== undefined && (!Number.isInteger(value) || value < min)) {
          throw new Error(`${name} must be a whole number of at least ${min}`)
        }
      }
      const summary = await seedDemo({
        seed: this.seed ?? 1,
        dates: await this.seededDates(),
        bmUnits: this.bmUnits ?? DEFAULT_BM_UNITS,
        parties: this.parties,
        reset: this.reset,
        publish: this.publish,
      })
      const { storeDemoParallelReports } = await import('./parallel_reports.js')
      await storeDemoParallelReports(this, summary, { quiet: this.json })
      if (this.json) return this.logger.log(JSON.stringify(summary, null, 2))
      this.print(summary)
    } catch (error) {
      this.logger.error((error as Error).message)
      this.exitCode = 1
    }
  }

  /** --date as given, or --days consecutive days from the first --date (default: the demo's three days). */
  private async seededDates(): Promise<string[]> {
    const { DEFAULT_DATES } = await import('./demo_market.js')
    const { datesBetween, parseSettlementDate } = await import('#core/calendar/index')
    const { DateTime } = await import('luxon')
    const given = (this.date ?? []).map((d) => parseSettlementDate(d, '--date'))
    if (!this.days) return given.length > 0 ? given : DEFAULT_DATES
    const first = given[0] ?? DEFAULT_DATES[0]
    return datesBetween(
      first,
      DateTime.fromISO(first)
        .plus({ days: this.days - 1 })
        .toISODate()!
    )
  }

  private print(summary: SeedSummary) {
    const dates = summary.days.map((d) => `${d.date} (${d.periods} periods)`).join(', ')
    if (summary.status === 'already-seeded') {
      this.logger.info(
        `Demo data is already seeded (seed ${summary.seed}: ${dates}); nothing changed. Use --reset to seed again.`
      )
      return
    }
    const counts = this.ui.table()
    counts.head(['Table', 'Rows'])
    for (const [table, rows] of Object.entries(summary.counts)) counts.row([table, String(rows)])
    counts.render()
    this.logger.info(
      `Seeded ${summary.parties} parties, ${summary.bmUnits} BM Units (seed ${summary.seed}) for ${dates}`
    )
    renderLogins(this, summary.logins)
    const { generateMs, writeMs, publishMs, totalMs } = summary.timings
    const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`
    this.logger.info(
      `Generated in ${seconds(generateMs)}, written in ${seconds(writeMs)}, published to Insights in ${seconds(publishMs)}, ${seconds(totalMs)} in all`
    )
  }
}
