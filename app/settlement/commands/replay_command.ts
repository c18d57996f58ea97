import { BaseCommand, args } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

export default class SettlementReplayCommand extends BaseCommand {
  static commandName = 'settlement:replay'
  static description =
    'Re-run a finished run from its stored input snapshot and check its output hash'
  static options: CommandOptions = { startApp: true }

  @args.string({ description: 'Run id' })
  declare runId: string

  async run() {
    const { replayRun, ReplayNotPossible } = await import('#settlement/actions/replay_run')
    try {
      const result = await replayRun(Number(this.runId))
      if (result.matches) {
        this.logger.success(
          `Run ${result.runId} replayed: output hash ${result.actualHash} matches (${Math.round(result.computeMs)} ms)`
        )
        return
      }
      this.logger.error(
        `Run ${result.runId} replayed with a DIFFERENT output hash: expected ${result.expectedHash}, got ${result.actualHash}` +
          (result.codeVersionThen === result.codeVersionNow
            ? ''
            : ` (code ${result.codeVersionThen} then, ${result.codeVersionNow} now)`)
      )
      this.exitCode = 1
    } catch (error) {
      if (!(error instanceof ReplayNotPossible)) throw error
      this.logger.error(error.message)
      this.exitCode = 1
    }
  }
}
