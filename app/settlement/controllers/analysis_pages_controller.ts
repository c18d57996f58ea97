import type { HttpContext } from '@adonisjs/core/http'
import { DateTime } from 'luxon'
import { diffRuns, DiffRunNotFound, type RunDiff } from '#settlement/actions/diff_runs'
import { indicatorTrends, WATCHED } from '#settlement/queries/indicator_trends'
import { recentSucceededRuns } from '#settlement/queries/run_page'
import { RUN_TYPES } from '#settlement/runs/run_types'
import { diffPageValidator, trendsPageValidator } from '#settlement/validators/portal_validators'

/** BSC staff's analysis pages: what moved between two runs, and data quality over time. */
export default class AnalysisPagesController {
  async diff({ request, inertia }: HttpContext) {
    const { a, b } = await request.validateUsing(diffPageValidator)
    const runs = await recentSucceededRuns()
    let diff: RunDiff | null = null
    let error: string | null = null
    if (a && b) {
      try {
        diff = await diffRuns(a, b, { top: 20 })
      } catch (failure) {
        if (!(failure instanceof DiffRunNotFound)) throw failure
        error = 'Both runs must exist and have succeeded'
      }
    }
    // Suggest the latest run against the one before it on the same date.
    const latest = runs[0]
    const previous = runs.find(
      (run) => latest && run.settlementDate === latest.settlementDate && run.id !== latest.id
    )
    return inertia.render('settlement/diff', {
      runs,
      selected: { a: a ?? previous?.id ?? null, b: b ?? latest?.id ?? null },
      diff,
      error,
    })
  }

  async trends({ request, inertia }: HttpContext) {
    const input = await request.validateUsing(trendsPageValidator)
    const [latestRun] = await recentSucceededRuns(1)
    const latestDate = latestRun?.settlementDate
    const to = input.to ?? latestDate ?? DateTime.utc().toISODate()!
    const from =
      input.from ?? DateTime.fromISO(to, { zone: 'utc' }).minus({ days: 30 }).toISODate()!
    const trends = await indicatorTrends({ from, to, runType: input.runType })
    const preferred = trends.indicators.find((name) => name.endsWith('.bmUnitsMissingMeteredData'))
    const indicator =
      input.indicator && trends.indicators.includes(input.indicator)
        ? input.indicator
        : (preferred ?? trends.indicators[0] ?? null)
    return inertia.render('settlement/analytics', {
      filters: { from, to, runType: input.runType ?? null },
      runTypes: [...RUN_TYPES],
      indicator,
      labels: Object.fromEntries(Object.entries(WATCHED).map(([name, w]) => [name, w.label])),
      ...trends,
    })
  }
}
