import type { HttpContext } from '@adonisjs/core/http'
import { toCsv } from '#core/csv/csv'
import { ApiProblem } from '#insights/api/problem'
import { CHARTS, chartSpec } from '../charts/index.js'
import { Params } from '../view_params.js'

/**
 * "Download what you see": GET /insights/charts/{chart}/download?format=csv|json
 * with the page's query answers the rows the page plots (same chart
 * definition, same state), as CSV (one column per plotted field) or JSON.
 * A bad query answers 400, as the public API does.
 */
export default class ChartDownloadsController {
  async show({ params: path, request, response }: HttpContext) {
    const chart = CHARTS[String(path.chart)]
    if (!chart) throw ApiProblem.notFound(`No chart ${JSON.stringify(path.chart)} on this site`)
    const params = new Params(request.qs())
    const format = params.format(['csv', 'json'])
    const state = await chart.read(params)
    params.done()
    const spec = await chartSpec(chart, state)
    const query = chart.query(state)
    const name = [chart.id, ...Object.values(query).filter((v) => v !== undefined && v !== '')]
      .join('_')
      .replace(/[^A-Za-z0-9_.-]+/g, '-')
    response.header('content-disposition', `attachment; filename="${name}.${format}"`)
    if (format === 'csv') {
      const keys = spec.columns.map((column) => column.key)
      return response.header('content-type', 'text/csv; charset=utf-8').send(toCsv(keys, spec.rows))
    }
    return response.json({
      chart: chart.id,
      title: spec.title,
      query,
      columns: spec.columns,
      data: spec.rows,
    })
  }
}
