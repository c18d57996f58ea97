/**
 * The catalogue of paths we serve, for our OpenAPI document: the contract's
 * paths with the contract's parameters, then our /ext additions.
 */
import { registry } from '#insights/datasets/registry'
import { datasetEndpoints, otherEndpoints, settlementEndpoints } from './balancing_endpoints.js'
import { extensionEndpoints } from './extension_endpoints.js'
import type { Endpoint } from './parameters.js'
import { remitEndpoints } from './remit_endpoints.js'

export type { Endpoint } from './parameters.js'
export { ACCEPTANCE, SUMMARY } from './balancing_endpoints.js'

export function endpoints(): Endpoint[] {
  const datasets = [...registry().datasets.values()].filter((d) =>
    ['settlementOrPublish', 'timeRange'].includes(d.api.style)
  )
  return [
    ...datasets.flatMap(datasetEndpoints),
    ...settlementEndpoints(),
    ...otherEndpoints(),
    ...remitEndpoints(),
    ...extensionEndpoints(),
  ]
}
