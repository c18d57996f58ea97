import type { HttpContext } from '@adonisjs/core/http'
import { findDataset } from '#insights/datasets/registry'
import { fetchRows } from '#insights/datasets/row_query'
import { parseDatasetRequest } from '#insights/api/dataset_request'
import { acceptanceFields, toAcceptance } from '#insights/api/acceptance_rows'
import { renderRows } from '#insights/api/formats'
import { Params } from '#insights/api/params'
import { elexonBmUnits } from '#insights/api/run_request'
import { sendCached } from '#insights/api/respond'
import { dayVersions } from '#insights/api/data_versions'

/** /balancing/acceptances/all (one period, all or some BM Units) and /balancing/acceptances (one BM Unit, a range). */
export default class AcceptancesController {
  async all(ctx: HttpContext) {
    const params = new Params(ctx.request.qs())
    const date = params.date('settlementDate', true)
    const period = params.period('settlementPeriod', params.raw('settlementPeriod', true), date)
    const format = params.format(['json', 'xml', 'csv'])
    const bmUnits = params.list('bmUnit')
    params.done()
    const key = JSON.stringify(['acceptances/all', date, period, format, bmUnits])
    await sendCached(ctx, key, await dayVersions(['BOALF'], date!, date!), async () => {
      const page = await fetchRows({
        dataset: 'BOALF',
        dateFrom: date,
        dateTo: date,
        upper: { kind: 'period', date: date!, period: period! },
        entities: await elexonBmUnits(bmUnits),
      })
      // Acceptances starting in an earlier period of the day that are still in force in this one count too.
      const rows = page.payloads
        .map(toAcceptance)
        .filter((row) => (row.settlementPeriodTo as number) >= period!)
      return renderRows(rows, { kind: 'metadata', datasets: ['BOALF'] }, format, acceptanceFields())
    })
  }

  async forBmUnit(ctx: HttpContext) {
    const values = ctx.request.qs()
    const params = new Params(values)
    const bmUnit = params.raw('bmUnit', true)
    params.done()
    const request = parseDatasetRequest(
      findDataset('BOALF')!,
      { ...values, bmUnit: undefined },
      false
    )
    request.query.entities = await elexonBmUnits([bmUnit!])
    const key = JSON.stringify(['acceptances', request.format, request.query])
    await sendCached(
      ctx,
      key,
      await dayVersions(['BOALF'], request.days!.from, request.days!.to),
      async () => {
        const page = await fetchRows(request.query)
        const body = renderRows(
          page.payloads.map(toAcceptance),
          { kind: 'metadata', datasets: ['BOALF'] },
          request.format,
          acceptanceFields()
        )
        return { ...body, nextCursor: page.next }
      }
    )
  }
}
