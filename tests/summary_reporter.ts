import { writeFileSync, mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import { BaseReporter } from '@japa/runner/core'

/**
 * Writes the run's pass/fail counts to TEST_SUMMARY_FILE so .ci/run can print
 * one `N passed, N failed` line across several runs. Prints nothing itself.
 */
export class SummaryReporter extends BaseReporter {
  static reporterName = 'summary'

  protected async end() {
    const file = process.env.TEST_SUMMARY_FILE
    if (!file || !this.runner) return
    const { aggregates } = this.runner.getSummary()
    mkdirSync(dirname(file), { recursive: true })
    writeFileSync(
      file,
      JSON.stringify({
        passed: aggregates.passed,
        failed: aggregates.failed,
        total: aggregates.total,
      })
    )
  }
}
