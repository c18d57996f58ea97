import type { ChartDefinition } from './chart_definition.js'
import { analysisChart } from './analysis_chart.js'
import { bmUnitChart } from './bm_unit_chart.js'
import { demandChart } from './demand_chart.js'
import { generationDay, generationMixChart } from './generation_charts.js'
import { priceStackChart, systemPricesChart } from './settlement_charts.js'

/** Every website chart by id: the download route serves any of them from its page's query. */
export const CHARTS: Record<string, ChartDefinition<any>> = Object.fromEntries(
  [
    generationDay,
    generationMixChart,
    systemPricesChart,
    priceStackChart,
    demandChart,
    bmUnitChart,
    analysisChart,
  ].map((chart) => [chart.id, chart])
)

export { chartSpec } from './chart_definition.js'
