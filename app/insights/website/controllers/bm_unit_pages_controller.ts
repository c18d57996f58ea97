import type { HttpContext } from '@adonisjs/core/http'
import { registry } from '#insights/datasets/registry'
import { findBmUnit, searchBmUnits } from '../bm_unit_lookup.js'
import { bmUnitChart } from '../charts/bm_unit_chart.js'
import { chartSpec } from '../charts/index.js'
import { Params, problems } from '../view_params.js'

/** The BM Unit view: search the reference data, then one unit's reference row and series. */
export default class BmUnitPagesController {
  async index({ request, inertia }: HttpContext) {
    const q = String(request.qs().q ?? '').slice(0, 60)
    return inertia.render('insights/bm_units/index', {
      q,
      results: q.trim() ? await searchBmUnits(q) : [],
    })
  }

  async show({ params: path, request, inertia }: HttpContext) {
    const id = String(path.bmUnit)
    const unit = await findBmUnit(id)
    // Series are keyed by the Elexon id; a National Grid id finds the unit through its reference row.
    const bmUnit = (unit?.elexonBmUnit as string | undefined) ?? id
    const params = new Params({ ...request.qs(), bmUnit })
    const state = await bmUnitChart.read(params)
    return inertia.render('insights/bm_units/show', {
      bmUnit,
      unit,
      view: { date: state.to, days: bmUnitChart.query(state).days, runType: state.runType ?? '' },
      runTypes: registry().runTypes,
      chart: await chartSpec(bmUnitChart, state),
      problems: problems(params),
    })
  }
}
