import { args, BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'
import type { SandboxComparison } from '#settlement/sandboxes/compare_sandbox'
import { writeStdout } from './stdout.js'

export default class SandboxCompareCommand extends BaseCommand {
  static commandName = 'sandbox:compare'
  static description =
    "Compare a sandbox trial's latest runs with production's: totals, parties, BM Units, periods"
  static options: CommandOptions = { startApp: true }

  @args.string({ description: 'Trial name or id' })
  declare sandbox: string

  @flags.boolean({ description: 'Print the whole comparison as JSON' })
  declare json?: boolean

  async run() {
    const { compareSandbox } = await import('#settlement/sandboxes/compare_sandbox')
    const { sandboxByNameOrId } = await import('#settlement/sandboxes/sandbox_queries')
    const { reportRefusal } = await import('#settlement/sandboxes/cli_support')
    await reportRefusal(this, async () => {
      const sandbox = await sandboxByNameOrId(this.sandbox)
      const comparison = await compareSandbox(sandbox.id)
      if (this.json) await writeStdout(`${JSON.stringify(comparison)}\n`)
      else this.#print(comparison)
    })
  }

  #print(comparison: SandboxComparison) {
    const number = (v: number | null) =>
      v === null ? '—' : v.toLocaleString('en-GB', { maximumFractionDigits: 3 })
    this.logger.log(`Sandbox "${comparison.sandbox.name}" (${comparison.sandbox.ruleSetKey})`)
    for (const day of comparison.days) {
      const run = (r: typeof day.trialRun) =>
        r
          ? `run ${r.id} (${r.runType} #${r.runNumber}, ${r.periods} × ${r.periodMinutes} min)`
          : 'no run'
      this.logger.log(
        `${day.settlementDate}: production ${run(day.productionRun)} → trial ${run(day.trialRun)}`
      )
      const totals = this.ui.table().head(['Total', 'Production', 'Trial', 'Δ'])
      for (const row of day.totals)
        totals.row([row.key, number(row.production), number(row.trial), number(row.delta)])
      totals.render()
      const parties = this.ui.table().head(['Party', 'Charge', 'Production', 'Trial', 'Δ'])
      for (const row of day.parties)
        parties.row([
          row.partyId,
          row.charge,
          number(row.production),
          number(row.trial),
          number(row.delta),
        ])
      parties.render()
    }
    this.logger.log(comparison.pricesNote)
  }
}
