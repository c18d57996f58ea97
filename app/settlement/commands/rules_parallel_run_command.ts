import { userInfo } from 'node:os'
import { BaseCommand, args, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'
import type { ParallelRun } from '#settlement/parallel/parallel_run_store'
import { writeStdout } from './stdout.js'

export default class RulesParallelRunCommand extends BaseCommand {
  static commandName = 'rules:parallel-run'
  static description =
    'Compare a plugin (candidate) with the rules in force (control) on the same inputs, and store the report'
  static options: CommandOptions = { startApp: true }

  @args.string({ description: 'Modification plugin id, e.g. p462_bid_subsidy_removal' })
  declare plugin: string

  @flags.string({ description: 'First settlement date (yyyy-MM-dd)', required: true })
  declare from: string

  @flags.string({ description: 'Last settlement date (yyyy-MM-dd)', required: true })
  declare to: string

  @flags.boolean({
    description:
      'Print one JSON object: { id, control, candidate, inputHash, changedValues, byParty, maxAbsDiff, … }',
  })
  declare json?: boolean

  async run() {
    const { runParallel } = await import('#settlement/parallel/run_parallel')
    const { ParallelRunRefused } = await import('#settlement/parallel/parallel_plan')
    let run: ParallelRun
    try {
      run = await runParallel(
        {
          pluginId: this.plugin,
          from: this.from,
          to: this.to,
          requestedBy: `cli:${userInfo().username}`,
        },
        { onProgress: this.json ? undefined : (line) => this.logger.info(line) }
      )
    } catch (error) {
      if (!(error instanceof ParallelRunRefused)) throw error
      this.logger.error(`${error.field}: ${error.message}`)
      this.exitCode = 1
      return
    }
    if (this.json) await writeStdout(`${JSON.stringify(jsonSummary(run))}\n`)
    if (run.status === 'failed') {
      this.logger.error(`Parallel run ${run.id} failed: ${run.error?.message}`)
      this.exitCode = 1
      return
    }
    if (!this.json) this.#print(run)
  }

  #print(run: ParallelRun) {
    const number = (v: number | null) =>
      v === null ? '—' : v.toLocaleString('en-GB', { maximumFractionDigits: 3 })
    const summary = run.report!.summary
    const table = this.ui.table().head(['Total', 'Control', 'Candidate', 'Δ'])
    for (const [name, total] of Object.entries(summary.totals))
      table.row([name, number(total.control), number(total.candidate), number(total.delta)])
    table.render()
    if (summary.topMovers.length) {
      const movers = this.ui.table().head(['Top mover', 'Output', 'Control', 'Candidate', 'Δ'])
      for (const m of summary.topMovers)
        movers.row([m.id, `${m.frame}.${m.column}`, number(m.a), number(m.b), number(m.delta)])
      movers.render()
    }
    for (const { output, reason } of run.report!.ignored)
      this.logger.info(`Not compared: ${output} — ${reason}`)
    this.logger.success(
      `Parallel run ${run.id}: ${summary.changedValues} of ${summary.comparedValues} values changed beyond tolerance, ` +
        `largest difference ${number(summary.maxAbsDiff)}; report at /settlement/parallel-runs/${run.id}`
    )
  }
}

/** The `--json` object: one day's hash as `inputHash`, every date's in `inputHashes`. */
function jsonSummary(run: ParallelRun) {
  const summary = run.report?.summary
  return {
    id: run.id,
    status: run.status,
    plugin: run.pluginId,
    from: run.from,
    to: run.to,
    control: run.control,
    candidate: run.candidate,
    inputHash: Object.values(run.inputHashes)[0] ?? null,
    inputHashes: run.inputHashes,
    changedValues: run.changedValues,
    comparedValues: run.comparedValues,
    maxAbsDiff: run.maxAbsDiff,
    byParty: summary?.byParty ?? [],
    topMovers: summary?.topMovers ?? [],
    totals: summary?.totals ?? {},
    ignored: run.report?.ignored ?? [],
    timings: run.timings,
    error: run.error,
    report: `/settlement/parallel-runs/${run.id}`,
  }
}
