import { args, BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'
import type { RunProgress } from '#settlement/actions/execute_run'
import { writeStdout } from './stdout.js'

export default class SandboxRunCommand extends BaseCommand {
  static commandName = 'sandbox:run'
  static description =
    'Run a sandbox trial on each of its copied days (progress on stderr; --json prints the outcome)'
  static options: CommandOptions = { startApp: true }

  @args.string({ description: 'Trial name or id' })
  declare sandbox: string

  @flags.string({ description: 'Run type: II, SF, R1, R2, R3, RF or DF (default SF)' })
  declare type?: string

  @flags.string({ description: 'E-mail of the operator or admin running it (default: cli:<you>)' })
  declare owner?: string

  @flags.boolean({ description: 'Print one JSON object with the outcome on stdout' })
  declare json?: boolean

  async run() {
    const { runSandbox } = await import('#settlement/sandboxes/run_sandbox')
    const { sandboxByNameOrId } = await import('#settlement/sandboxes/sandbox_queries')
    const { cliActor, reportRefusal } = await import('#settlement/sandboxes/cli_support')
    await reportRefusal(this, async () => {
      const sandbox = await sandboxByNameOrId(this.sandbox)
      const outcome = await runSandbox(sandbox.id, {
        runType: this.type,
        actor: await cliActor(this.owner),
        onRunQueued: ({ runId, settlementDate }) =>
          process.stderr.write(`Run ${runId}: ${settlementDate} (${sandbox.ruleSetKey})\n`),
        onProgress: (date, progress) => this.#progress(date, progress),
      })
      const runs = outcome.runs.map((run) => ({
        runId: run.runId,
        settlementDate: run.settlementDate,
        runType: run.runType,
        status: run.status,
        periods: run.periods,
        ruleSetKey: run.ruleSetKey,
        outputHash: run.outputHash,
        totalMs: Math.round(run.timings.totalMs),
        error: run.error,
      }))
      if (this.json) await writeStdout(`${JSON.stringify({ ...outcome, runs })}\n`)
      for (const run of runs) {
        if (run.status === 'failed')
          this.logger.error(
            `Run ${run.runId} (${run.settlementDate}) failed: ${run.error?.message}`
          )
        else if (!this.json)
          this.logger.success(
            `Run ${run.runId} (${run.settlementDate}, ${run.periods} periods) succeeded in ${run.totalMs} ms`
          )
      }
      if (outcome.status === 'failed') this.exitCode = 1
    })
  }

  #progress(date: string, progress: RunProgress) {
    if (progress.phase === 'compute' && progress.done === progress.total)
      process.stderr.write(`  ${date} ✓ ${progress.stageId} (${progress.done}/${progress.total})\n`)
    else if (progress.phase !== 'compute' && progress.state === 'finished')
      process.stderr.write(`  ${date} ${progress.phase} ${Math.round(progress.ms ?? 0)} ms\n`)
  }
}
