import type { HttpContext } from '@adonisjs/core/http'
import { registry } from '#insights/datasets/registry'
import { Params, checkDateRange } from '#insights/api/params'
import { bmUnitSeries, generationMix, systemPriceSeries } from '#insights/read_models/series'

function range(params: Params, maxDays: number) {
  const from = params.date('from', true)
  const to = params.date('to') ?? from
  if (from && to) checkDateRange(params, 'from', from, 'to', to, maxDays)
  return { from: from!, to: to! }
}

function runType(params: Params): string | undefined {
  const value = params.raw('runType')
  if (value !== undefined && !registry().runTypes.includes(value)) {
    params.fail(
      'runType',
      `runType must be one of ${registry().runTypes.join(', ')}, got ${JSON.stringify(value)}`
    )
  }
  return value
}

/** Chart series for the website (our additions, in the contract's {data, metadata} envelope). */
export default class ReadModelsController {
  /** GET /ext/generation/mix?from=2018-01-01&to=2018-01-31 */
  async generationMix({ request, response }: HttpContext) {
    const params = new Params(request.qs())
    const { from, to } = range(params, 366)
    params.done()
    return response.json({
      data: await generationMix(from, to),
      metadata: { datasets: ['FUELHH'] },
    })
  }

  /** GET /ext/system-prices/series?from=2018-03-24&to=2018-03-26[&runType=SF] */
  async systemPrices({ request, response }: HttpContext) {
    const params = new Params(request.qs())
    const { from, to } = range(params, 93)
    const type = runType(params)
    params.done()
    return response.json({
      data: await systemPriceSeries(from, to, type),
      metadata: { datasets: ['DISEBSP'] },
    })
  }

  /** GET /ext/bmunits/{bmUnit}/series?from=…&to=…[&runType=SF] */
  async bmUnit({ params: path, request, response }: HttpContext) {
    const params = new Params(request.qs())
    const { from, to } = range(params, 31)
    const type = runType(params)
    params.done()
    const data = await bmUnitSeries(String(path.bmUnit), from, to, type)
    return response.json({ data, metadata: { datasets: ['BOAV', 'EBOCF'] } })
  }
}
