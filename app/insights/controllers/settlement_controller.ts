import type { HttpContext } from '@adonisjs/core/http'
import { findDataset } from '#insights/datasets/registry'
import { fetchRows } from '#insights/datasets/row_query'
import { renderPayloads } from '#insights/api/formats'
import type { Format } from '#insights/api/params'
import { elexonBmUnits, parseRunRequest } from '#insights/api/run_request'
import { sendCached } from '#insights/api/respond'
import { dayVersions } from '#insights/api/data_versions'
import { selectRuns } from '#insights/runs/run_selection'

/**
 * /balancing/settlement/…: system prices (DISEBSP), stacks (ISPSTACK),
 * indicative volumes (DISPTAV) and cashflows (EBOCF), acceptance volumes
 * (BOAV). Each answers from the latest run of the day, or of `runType`.
 */
export default class SettlementController {
  systemPrices(ctx: HttpContext) {
    return this.serve(ctx, 'DISEBSP', ['json', 'xml', 'csv'])
  }

  stack(ctx: HttpContext) {
    return this.serve(ctx, 'ISPSTACK', ['json', 'xml', 'csv'])
  }

  indicativeVolumes(ctx: HttpContext) {
    return this.serve(ctx, 'DISPTAV', ['json', 'xml'])
  }

  indicativeCashflows(ctx: HttpContext) {
    return this.serve(ctx, 'EBOCF', ['json', 'xml'])
  }

  acceptanceVolumes(ctx: HttpContext) {
    return this.serve(ctx, 'BOAV', ['json', 'xml'])
  }

  private async serve(ctx: HttpContext, code: string, formats: Format[]) {
    const definition = findDataset(code)!
    const { request, params } = parseRunRequest(ctx.params, ctx.request.qs(), formats)
    params.done()
    const date = request.settlementDate
    const version = await dayVersions([code], date, date)
    const key = JSON.stringify(['settlement', code, request])
    await sendCached(ctx, key, version, async () => {
      const runs = await selectRuns([date], request.runType)
      const page = await fetchRows({
        dataset: code,
        runs: new Map([...runs].map(([day, run]) => [day, run.id])),
        dateFrom: date,
        dateTo: date,
        periods: request.settlementPeriod ? [request.settlementPeriod] : undefined,
        side: request.side,
        entities: await elexonBmUnits(request.bmUnits),
      })
      return renderPayloads(
        page.payloads,
        { kind: 'metadata', datasets: [code] },
        request.format,
        definition.fields
      )
    })
  }
}
