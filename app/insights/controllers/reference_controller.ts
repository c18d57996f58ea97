import type { HttpContext } from '@adonisjs/core/http'
import { findDataset, registry } from '#insights/datasets/registry'
import { fetchRows } from '#insights/datasets/row_query'
import { REFERENCE_DAY } from '#insights/datasets/store'
import { renderPayloads, renderRows } from '#insights/api/formats'
import { Params } from '#insights/api/params'
import { sendCached } from '#insights/api/respond'
import { dayVersions } from '#insights/api/data_versions'

/** /reference/bmunits/all and /reference/fueltypes/all: bare arrays. */
export default class ReferenceController {
  async bmUnits(ctx: HttpContext) {
    const params = new Params(ctx.request.qs())
    const format = params.format(['json', 'xml', 'csv'])
    params.done()
    const definition = findDataset('BMUNITS')!
    const version = await dayVersions(['BMUNITS'], REFERENCE_DAY, REFERENCE_DAY)
    await sendCached(ctx, JSON.stringify(['bmunits', format]), version, async () => {
      const page = await fetchRows({ dataset: 'BMUNITS' })
      return renderPayloads(page.payloads, { kind: 'array' }, format, definition.fields)
    })
  }

  /** The fuel types of the generation outturn (fuel_types.yaml entries with outturn: true). */
  async fuelTypes(ctx: HttpContext) {
    const params = new Params(ctx.request.qs())
    const format = params.format(['json', 'xml', 'csv'])
    params.done()
    const codes = [...registry().fuelTypes.values()]
      .filter((fuel) => fuel.outturn)
      .map((fuel) => fuel.code)
    const rows = format === 'csv' ? codes.map((fuelType) => ({ fuelType })) : codes
    const body = renderRows(rows, { kind: 'array' }, format, [
      { name: 'fuelType', type: 'string', nullable: false, required: true },
    ])
    ctx.response.header('content-type', body.contentType).send(body.body)
  }
}
