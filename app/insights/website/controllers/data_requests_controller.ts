import type { HttpContext } from '@adonisjs/core/http'
import { ApiProblem } from '#insights/api/problem'
import { registry } from '#insights/datasets/registry'
import { withQuery } from '../chart_spec.js'
import {
  MAX_REQUEST_DAYS,
  REQUEST_FORMATS,
  datasetChoices,
  entityFilter,
  parseDataRequest,
  type DataRequest,
} from '../requests/data_request.js'
import { CONTENT_TYPES, dataRequestStream, fileName } from '../requests/data_request_stream.js'

/** The download URL of a checked request: its canonical query. */
function downloadUrl(request: DataRequest): string {
  const { definition } = request
  const filter = entityFilter(definition)
  const allFields = request.fields.length === definition.fields.length
  return withQuery('/insights/requests/download', {
    dataset: definition.code,
    from: request.dates[0],
    to: request.dates.at(-1),
    ...(filter ? { [filter.param]: request.entities } : {}),
    runType: request.runType,
    side: request.side,
    fields: allFields ? undefined : request.fields,
    format: request.format,
  })
}

/**
 * /insights/requests: the self-serve form; `check` answers 422 with messages
 * by field (the page shows them under the fields) or the download URL;
 * `download` streams the file (400 on a bad direct URL).
 */
export default class DataRequestsController {
  async page({ request, inertia }: HttpContext) {
    const fuelTypes = [...registry().fuelTypes.values()]
      .filter((fuel) => fuel.outturn)
      .map((fuel) => ({ code: fuel.code, name: fuel.name }))
    return inertia.render('insights/requests', {
      datasets: datasetChoices(),
      fuelTypes,
      runTypes: registry().runTypes,
      formats: REQUEST_FORMATS,
      maxDays: MAX_REQUEST_DAYS,
      initial: request.qs(),
    })
  }

  async check({ request, response }: HttpContext) {
    const { params, request: checked } = parseDataRequest(request.qs())
    if (!checked) return response.unprocessableEntity({ errors: params.errors })
    return response.ok({ url: downloadUrl(checked), fileName: fileName(checked) })
  }

  async download({ request, response }: HttpContext) {
    const { params, request: checked } = parseDataRequest(request.qs())
    if (!checked) throw new ApiProblem(400, params.errors)
    response.header('content-type', CONTENT_TYPES[checked.format])
    response.header('content-disposition', `attachment; filename="${fileName(checked)}"`)
    response.header('cache-control', 'no-store')
    response.stream(dataRequestStream(checked))
  }
}
