/**
 * Contract paths for datasets, balancing and settlement, generation, demand,
 * reference data and health, with the contract's parameters (a test compares
 * them with Elexon's document). Dataset paths come from the definitions.
 */
import type { DatasetDefinition } from '#insights/datasets/definition'
import {
  bidOffer,
  BOOL,
  DATE,
  DATETIME,
  format,
  INT,
  INT_LIST,
  LIST,
  path,
  q,
  row,
  runType,
  STR,
  type Endpoint,
} from './parameters.js'

export const ACCEPTANCE = 'Insights.Api.Models.Responses.Balancing.BidOfferAcceptancesResponse'
export const SUMMARY =
  'Insights.Api.Models.Responses.Generation.OutturnGenerationBySettlementPeriod'

export function datasetEndpoints(definition: DatasetDefinition): Endpoint[] {
  const entity = definition.api.entityParam ? [q(definition.api.entityParam, LIST)] : []
  const parameters =
    definition.api.style === 'settlementOrPublish'
      ? [
          q('publishDateTimeFrom', DATETIME),
          q('publishDateTimeTo', DATETIME),
          q('settlementDateFrom', DATE),
          q('settlementDateTo', DATE),
          q('settlementPeriod', INT_LIST),
          ...entity,
        ]
      : [
          q('from', DATETIME, true),
          q('to', DATETIME, true),
          q('settlementPeriodFrom', INT),
          q('settlementPeriodTo', INT),
          ...entity,
        ]
  const paging = [
    q('cursor', STR, false, 'Extension: the X-Next-Cursor header of the previous page.'),
    q('limit', INT, false, 'Extension: page size (1-10000); enables the X-Next-Cursor header.'),
  ]
  const base = `/datasets/${definition.code}`
  return [
    {
      path: base,
      summary: definition.title,
      tag: 'BMRS Datasets',
      parameters: [...parameters, format(definition.api.formats), ...paging],
      response: { envelope: 'data', row: definition.contractSchema },
      formats: definition.api.formats,
    },
    {
      path: `${base}/stream`,
      summary: `${definition.title} stream`,
      tag: 'BMRS Datasets',
      parameters: [...parameters, ...paging],
      response: { envelope: 'array', row: definition.contractSchema },
    },
  ]
}

export function settlementEndpoints(): Endpoint[] {
  const s = '/balancing/settlement'
  const out: Endpoint[] = [
    {
      path: `${s}/system-prices/{settlementDate}`,
      summary: 'Settlement system prices by settlement date (DISEBSP)',
      tag: 'Indicative Imbalance Settlement',
      parameters: [path('settlementDate', DATE), format(['json', 'xml', 'csv']), runType()],
      response: { envelope: 'metadata', row: row('DISEBSP') },
    },
    {
      path: `${s}/system-prices/{settlementDate}/{settlementPeriod}`,
      summary: 'Settlement system prices by settlement date and period (DISEBSP)',
      tag: 'Indicative Imbalance Settlement',
      parameters: [
        path('settlementPeriod', INT),
        path('settlementDate', DATE),
        format(['json', 'xml', 'csv']),
        runType(),
      ],
      response: { envelope: 'metadata', row: row('DISEBSP') },
    },
    {
      path: `${s}/stack/all/{bidOffer}/{settlementDate}/{settlementPeriod}`,
      summary: 'Settlement bid-offer stacks by settlement period (ISPSTACK)',
      tag: 'Indicative Imbalance Settlement',
      parameters: [
        bidOffer(),
        path('settlementDate', DATE),
        path('settlementPeriod', INT),
        format(['json', 'xml', 'csv']),
        runType(),
      ],
      response: { envelope: 'metadata', row: row('ISPSTACK') },
    },
  ]
  const perUnit: [string, string, string][] = [
    ['indicative/volumes', 'DISPTAV', 'Indicative volumes'],
    ['indicative/cashflows', 'EBOCF', 'Indicative period BMU cashflows'],
    ['acceptance/volumes', 'BOAV', 'Acceptance volumes'],
  ]
  for (const [segment, code, title] of perUnit) {
    const common = [
      bidOffer(),
      path('settlementDate', DATE),
      q('bmUnit', LIST),
      format(['json', 'xml']),
      runType(),
    ]
    out.push(
      {
        path: `${s}/${segment}/all/{bidOffer}/{settlementDate}`,
        summary: `${title} by settlement date (${code})`,
        tag: 'Indicative Imbalance Settlement',
        parameters: common,
        response: { envelope: 'metadata', row: row(code) },
      },
      {
        path: `${s}/${segment}/all/{bidOffer}/{settlementDate}/{settlementPeriod}`,
        summary: `${title} by settlement period (${code})`,
        tag: 'Indicative Imbalance Settlement',
        parameters: [path('settlementPeriod', INT), ...common],
        response: { envelope: 'metadata', row: row(code) },
      }
    )
  }
  return out
}

export function otherEndpoints(): Endpoint[] {
  const demandDates = [
    q('settlementDateFrom', DATE),
    q('settlementDateTo', DATE),
    q('settlementPeriod', INT_LIST),
  ]
  return [
    {
      path: '/generation/outturn/summary',
      summary: 'Historic generation automatically down-sampled (FUELINST)',
      tag: 'Generation',
      parameters: [
        q('startTime', DATETIME),
        q('endTime', DATETIME),
        q('includeNegativeGeneration', BOOL),
        format(['json', 'xml']),
      ],
      response: { envelope: 'array', row: SUMMARY },
    },
    {
      path: '/demand/outturn',
      summary: 'Initial National Demand outturn (INDO)',
      tag: 'Demand',
      parameters: [...demandDates, format(['json', 'xml', 'csv'])],
      response: { envelope: 'metadata', row: row('INDO') },
    },
    {
      path: '/demand/outturn/stream',
      summary: 'Initial National Demand outturn (INDO) stream',
      tag: 'Demand',
      parameters: demandDates,
      response: { envelope: 'array', row: row('INDO') },
    },
    {
      path: '/balancing/acceptances/all',
      summary: 'Market-wide bid-offer acceptances (BOALF)',
      tag: 'Bid-Offer Acceptances',
      parameters: [
        q('settlementDate', DATE, true),
        q('settlementPeriod', INT, true),
        q('bmUnit', LIST),
        format(['json', 'xml', 'csv']),
      ],
      response: { envelope: 'metadata', row: ACCEPTANCE },
    },
    {
      path: '/balancing/acceptances',
      summary: 'Bid-offer acceptances per BMU (BOALF)',
      tag: 'Bid-Offer Acceptances',
      parameters: [
        q('bmUnit', STR, true),
        q('from', DATETIME, true),
        q('to', DATETIME, true),
        q('settlementPeriodFrom', INT),
        q('settlementPeriodTo', INT),
        format(['json', 'xml', 'csv']),
      ],
      response: { envelope: 'metadata', row: ACCEPTANCE },
    },
    {
      path: '/reference/bmunits/all',
      summary: 'BM Units',
      tag: 'Reference',
      parameters: [],
      response: { envelope: 'array', row: row('BMUNITS') },
    },
    {
      path: '/reference/fueltypes/all',
      summary: 'Fuel types',
      tag: 'Reference',
      parameters: [],
      response: { schema: { type: 'array', items: STR } },
    },
    {
      path: '/health',
      summary: 'Health check',
      tag: 'Health Check',
      parameters: [],
      response: { schema: { type: 'object' } },
    },
  ]
}
