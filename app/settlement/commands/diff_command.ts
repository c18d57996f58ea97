import { BaseCommand, args, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'
import type { RunDiff, Movement } from '#settlement/actions/diff_runs'
import { writeStdout } from './stdout.js'

export default class SettlementDiffCommand extends BaseCommand {
  static commandName = 'settlement:diff'
  static description =
    'Show what moved between two runs: totals, by party, by BM Unit, by period, top movers'
  static options: CommandOptions = { startApp: true }

  @args.string({ description: 'Run A (the control)' })
  declare runA: string

  @args.string({ description: 'Run B (the candidate)' })
  declare runB: string

  @flags.number({ description: 'How many top movers to list (default 10)' })
  declare top?: number

  @flags.boolean({ description: 'Print the whole diff as JSON' })
  declare json?: boolean

  async run() {
    const { diffRuns, DiffRunNotFound } = await import('#settlement/actions/diff_runs')
    const [a, b] = [Number(this.runA), Number(this.runB)]
    if (!Number.isInteger(a) || !Number.isInteger(b)) {
      this.logger.error('Run ids must be integers')
      this.exitCode = 1
      return
    }
    try {
      const diff = await diffRuns(a, b, { top: this.top })
      if (this.json) await writeStdout(`${JSON.stringify(diff)}\n`)
      else this.#print(diff)
    } catch (error) {
      if (!(error instanceof DiffRunNotFound)) throw error
      this.logger.error(`Both runs must exist and have succeeded (${a}, ${b})`)
      this.exitCode = 1
    }
  }

  #print(diff: RunDiff) {
    const number = (v: number | null) =>
      v === null ? '—' : v.toLocaleString('en-GB', { maximumFractionDigits: 3 })
    const { runA, runB } = diff
    this.logger.log(
      `Run ${runA.id} (${runA.runType} #${runA.runNumber}, ${runA.ruleSetKey}) → run ${runB.id} (${runB.runType} #${runB.runNumber}, ${runB.ruleSetKey})`
    )
    this.logger.log(
      diff.identical
        ? 'Outputs are identical.'
        : `Inputs ${runA.inputHash === runB.inputHash ? 'identical' : 'differ'}; outputs differ.`
    )
    const table = this.ui.table().head(['Total', 'A', 'B', 'Δ'])
    for (const [key, { a, b, delta }] of Object.entries(diff.totals))
      table.row([key, number(a), number(b), number(delta)])
    table.render()
    const changed = diff.frames.filter((frame) => frame.status !== 'same')
    if (changed.length)
      this.logger.log(
        `Frames that moved: ${changed.map((f) => `${f.name} (${f.status})`).join(', ')}`
      )
    const movers = (title: string, list: Movement[]) => {
      if (!list.length) return
      const moverTable = this.ui.table().head([title, 'Frame.column', 'A', 'B', 'Δ'])
      for (const m of list)
        moverTable.row([m.id, `${m.frame}.${m.column}`, number(m.a), number(m.b), number(m.delta)])
      moverTable.render()
    }
    movers('Top mover', diff.topMovers)
    movers('Period', diff.byPeriod.slice(0, this.top ?? 10))
  }
}
