import type { HttpContext } from '@adonisjs/core/http'
import { findDataset, registry } from '#insights/datasets/registry'
import { Params, checkDateRange } from '#insights/api/params'
import { ApiProblem } from '#insights/api/problem'
import { completeness } from '#insights/read_models/completeness'
import { diffRuns } from '#insights/read_models/run_diff'
import { selectRuns } from '#insights/runs/run_selection'

const MAX_COMPLETENESS_DAYS = 366

function runTypeParam(params: Params, name: string, required: boolean): string | undefined {
  const value = params.raw(name, required)
  if (value !== undefined && !registry().runTypes.includes(value)) {
    return params.fail(
      name,
      `${name} must be one of ${registry().runTypes.join(', ')}, got ${JSON.stringify(value)}`
    )
  }
  return value
}

/** Our additions beside the contract: completeness per dataset-day and run diffs. */
export default class ExtController {
  /** GET /ext/completeness?dataset=FUELHH&from=2018-03-24&to=2018-03-26[&runType=SF] */
  async completeness({ request, response }: HttpContext) {
    const params = new Params(request.qs())
    const code = params.raw('dataset', true)
    const definition = code ? findDataset(code) : undefined
    if (
      code &&
      (!definition || definition.time.family === 'reference' || definition.source.kind === 'remit')
    ) {
      params.fail(
        'dataset',
        `completeness is kept for time-based datasets; got ${JSON.stringify(code)}`
      )
    }
    const from = params.date('from', true)
    const to = params.date('to') ?? from
    if (from && to) checkDateRange(params, 'from', from, 'to', to, MAX_COMPLETENESS_DAYS)
    const runType = runTypeParam(params, 'runType', false)
    params.done()
    return response.json({ data: await completeness(definition!, from!, to!, runType) })
  }

  /** GET /ext/runs/diff?settlementDate=2024-02-01&from=SF&to=R1[&dataset=DISEBSP] */
  async runDiff({ request, response }: HttpContext) {
    const params = new Params(request.qs())
    const date = params.date('settlementDate', true)
    const fromType = runTypeParam(params, 'from', true)
    const toType = runTypeParam(params, 'to', true)
    const code = params.raw('dataset') ?? 'DISEBSP'
    const definition = findDataset(code)
    if (!definition?.diff) {
      const diffable = [...registry().datasets.values()].filter((d) => d.diff).map((d) => d.code)
      params.fail(
        'dataset',
        `runs can be compared for ${diffable.join(', ')}; got ${JSON.stringify(code)}`
      )
    }
    params.done()
    const [fromRun, toRun] = await Promise.all([
      selectRuns([date!], fromType).then((runs) => runs.get(date!)),
      selectRuns([date!], toType).then((runs) => runs.get(date!)),
    ])
    if (!fromRun || !toRun) {
      throw ApiProblem.notFound(
        `No ${!fromRun ? fromType : toType} run has been published for ${date}`
      )
    }
    const describe = (run: NonNullable<typeof fromRun>) => ({
      runType: run.runType,
      runId: run.settlementRunId,
      publishedAt: run.createdAt,
    })
    return response.json({
      dataset: definition!.code,
      settlementDate: date,
      from: describe(fromRun),
      to: describe(toRun),
      ...(await diffRuns(definition!, fromRun, toRun)),
    })
  }
}
