import type { HttpContext } from '@adonisjs/core/http'
import db from '@adonisjs/lucid/services/db'
import { periodsInDay } from '#core/calendar/index'
import { registry } from '#insights/datasets/registry'
import { systemPriceSeries } from '#insights/read_models/series'
import {
  AGGREGATIONS,
  MAX_DAYS,
  MAX_SERIES,
  analysisChart,
  seriesChoices,
} from '../charts/analysis_chart.js'
import { chartSpec } from '../charts/index.js'
import { demandChart } from '../charts/demand_chart.js'
import {
  GENERATION_SOURCES,
  generationDay,
  generationMixChart,
} from '../charts/generation_charts.js'
import {
  answeringRun,
  priceStackChart,
  publishedRunTypes,
  systemPricesChart,
} from '../charts/settlement_charts.js'
import { Params, problems } from '../view_params.js'

const FRESHNESS_DATASETS = ['FUELHH', 'FUELINST', 'DISEBSP', 'ISPSTACK', 'INDO', 'BOAV']

/**
 * The public Insights pages with charts: each reads its view from the URL
 * query, renders the chart rows server-side (the chart itself draws on the
 * client) and reports query problems on the page instead of failing.
 */
export default class ChartPagesController {
  async index({ inertia }: HttpContext) {
    const days = await db
      .from('insights_dataset_days')
      .whereIn('dataset', FRESHNESS_DATASETS)
      .whereNot('day', '*')
      .groupBy('dataset')
      .select('dataset')
      .max('day as latestDay')
      .max('updated_at as updatedAt')
    const freshness = FRESHNESS_DATASETS.map((code) => {
      const found = days.find((row) => row.dataset === code)
      return {
        dataset: code,
        title: registry().datasets.get(code)!.title,
        latestDay: (found?.latestDay as string | undefined) ?? null,
        updatedAt: (found?.updatedAt as string | undefined) ?? null,
      }
    })
    return inertia.render('insights/index', { freshness })
  }

  async generation({ request, inertia }: HttpContext) {
    const params = new Params(request.qs())
    const day = await generationDay.read(params)
    const mix = await generationMixChart.read(params)
    return inertia.render('insights/generation', {
      view: { ...generationDay.query(day), days: generationMixChart.query(mix).days },
      sources: [...GENERATION_SOURCES],
      charts: [await chartSpec(generationDay, day), await chartSpec(generationMixChart, mix)],
      problems: problems(params),
    })
  }

  async systemPrices({ request, inertia }: HttpContext) {
    const params = new Params(request.qs())
    const state = await systemPricesChart.read(params)
    return inertia.render('insights/system_prices', {
      view: { date: state.date, runType: state.runType ?? '' },
      run: await answeringRun(state),
      runTypes: registry().runTypes,
      publishedRunTypes: await publishedRunTypes(state.date),
      chart: await chartSpec(systemPricesChart, state),
      problems: problems(params),
    })
  }

  async stack({ request, inertia }: HttpContext) {
    const params = new Params(request.qs())
    const state = await priceStackChart.read(params)
    const prices = await systemPriceSeries(state.date, state.date, state.runType)
    const price = prices.find((row) => row.settlementPeriod === state.period)
    return inertia.render('insights/stack', {
      view: { date: state.date, period: state.period, runType: state.runType ?? '' },
      periods: periodsInDay(state.date),
      run: await answeringRun(state),
      runTypes: registry().runTypes,
      systemPrice: price ?? null,
      chart: await chartSpec(priceStackChart, state),
      problems: problems(params),
    })
  }

  async demand({ request, inertia }: HttpContext) {
    const params = new Params(request.qs())
    const state = await demandChart.read(params)
    return inertia.render('insights/demand', {
      view: state,
      chart: await chartSpec(demandChart, state),
      problems: problems(params),
    })
  }

  async analysis({ request, inertia }: HttpContext) {
    const params = new Params(request.qs())
    const state = await analysisChart.read(params)
    return inertia.render('insights/analysis', {
      view: state,
      choices: seriesChoices(),
      aggregations: [...AGGREGATIONS],
      maxDays: MAX_DAYS,
      maxSeries: MAX_SERIES,
      chart: await chartSpec(analysisChart, state),
      problems: problems(params),
    })
  }
}
