import { userInfo } from 'node:os'
import { BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'
import type { RunProgress, RunResult } from '#settlement/actions/execute_run'
import { writeStdout } from './stdout.js'

export default class SettlementRunCommand extends BaseCommand {
  static commandName = 'settlement:run'
  static description =
    'Run settlement for one day (progress on stderr; --json prints the result object on stdout)'
  static options: CommandOptions = { startApp: true }

  @flags.string({ description: 'Settlement date (yyyy-MM-dd)', required: true })
  declare date: string

  @flags.string({ description: 'Run type: II, SF, R1, R2, R3, RF or DF', required: true })
  declare type: string

  @flags.string({ description: 'Rule-set key, e.g. baseline@1 (default: the installed baseline)' })
  declare ruleSet?: string

  @flags.number({ description: 'Period ranges to split the day into (default: the pool size)' })
  declare ranges?: number

  @flags.number({ description: 'Time limit in seconds for loading and computing (default 1800)' })
  declare timeout?: number

  @flags.boolean({ description: 'Print one JSON object with the result on stdout' })
  declare json?: boolean

  async run() {
    const { createRun, RunRequestError } = await import('#settlement/actions/create_run')
    const { executeRun } = await import('#settlement/actions/execute_run')
    if (this.timeout !== undefined && !(this.timeout > 0)) {
      this.logger.error('--timeout must be a positive number of seconds')
      this.exitCode = 1
      return
    }
    let runId: number
    try {
      runId = await createRun({
        settlementDate: this.date,
        runType: this.type,
        ruleSetKey: this.ruleSet,
        requestedBy: `cli:${userInfo().username}`,
      })
    } catch (error) {
      if (!(error instanceof RunRequestError)) throw error
      this.logger.error(error.message)
      this.exitCode = 1
      return
    }
    process.stderr.write(`Run ${runId}: ${this.type} for ${this.date}\n`)
    const result = await executeRun(runId, {
      onProgress: (progress) => this.#progress(progress),
      ranges: this.ranges,
      timeoutMs: this.timeout === undefined ? undefined : this.timeout * 1000,
    })
    if (this.json) await writeStdout(`${JSON.stringify(this.#summary(result))}\n`)
    if (result.status === 'failed') {
      const where = result.error?.stageId
        ? ` in stage ${result.error.stageId} (${result.error.origin})`
        : ''
      this.logger.error(`Run ${runId} failed${where}: ${result.error?.message}`)
      this.exitCode = 1
    } else if (!this.json) {
      this.logger.success(
        `Run ${runId} (${result.runType} #${result.runNumber}) succeeded in ${Math.round(result.timings.totalMs)} ms; ` +
          `output ${result.outputHash?.slice(0, 12)}`
      )
    }
  }

  #progress(progress: RunProgress) {
    if (progress.phase !== 'compute') {
      if (progress.state === 'finished')
        process.stderr.write(`  ${progress.phase} ${Math.round(progress.ms ?? 0)} ms\n`)
      return
    }
    if (progress.done === progress.total) {
      process.stderr.write(
        `  ✓ ${progress.stageId} (${progress.scope}, ${progress.done}/${progress.total})\n`
      )
    }
  }

  #summary(result: RunResult) {
    const base = {
      runId: result.runId,
      settlementDate: result.settlementDate,
      runType: result.runType,
      periods: result.periods,
      ruleSetKey: result.ruleSetKey,
      inputHash: result.inputHash,
      outputHash: result.outputHash,
      stages: result.stages.map(({ id, ms }) => ({ id, ms: Math.round(ms * 1000) / 1000 })),
      totals: result.totals,
    }
    return result.status === 'failed' ? { ...base, status: 'failed', error: result.error } : base
  }
}
