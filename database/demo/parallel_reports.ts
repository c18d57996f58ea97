import type { BaseCommand } from '@adonisjs/core/ace'
import { ParallelRunRefused } from '#settlement/parallel/parallel_plan'
import { runParallel } from '#settlement/parallel/run_parallel'
import type { SeedSummary } from './demo_seed.js'

/**
 * The last step of `demo:seed`: a stored parallel-run report (issue 4 §5)
 * for each real Modification plugin on the demo's reference day, so the
 * portal's reports and each plugin's page have something to show. A plugin
 * that cannot run (refused, or failing) is reported, never fatal to seeding.
 */
export const DEMO_PARALLEL_DATE = '2026-01-15'
export const DEMO_PARALLEL_PLUGINS = [
  'par_review_2026',
  'p375_asset_metering',
  'p462_bid_subsidy_removal',
  'p999_15min_periods',
]

export async function storeDemoParallelReports(
  command: BaseCommand,
  summary: SeedSummary,
  options: { quiet?: boolean } = {}
) {
  if (summary.status !== 'seeded') return
  if (!summary.days.some((day) => day.date === DEMO_PARALLEL_DATE)) return
  const started = performance.now()
  const log = (line: string) => {
    if (!options.quiet) command.logger.info(line)
  }
  for (const pluginId of DEMO_PARALLEL_PLUGINS) {
    try {
      const run = await runParallel({
        pluginId,
        from: DEMO_PARALLEL_DATE,
        to: DEMO_PARALLEL_DATE,
        requestedBy: 'demo:seed',
      })
      log(
        run.status === 'succeeded'
          ? `Parallel run ${run.id} of ${pluginId}: ${run.changedValues} values changed`
          : `Parallel run ${run.id} of ${pluginId} failed: ${run.error?.message}`
      )
    } catch (error) {
      if (!(error instanceof ParallelRunRefused)) throw error
      log(`No parallel run of ${pluginId}: ${error.message}`)
    }
  }
  log(
    `Parallel-run reports for ${DEMO_PARALLEL_DATE} stored in ${((performance.now() - started) / 1000).toFixed(1)} s`
  )
}
