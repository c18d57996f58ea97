/**
 * Our OpenAPI document: the contract's paths we serve (same parameters and
 * schemas, generated from the definitions) plus the /ext additions.
 */
import { findDataset } from '#insights/datasets/registry'
import { appVersion } from '#core/version'
import { ACCEPTANCE, SUMMARY, endpoints, type Endpoint } from './endpoints.js'
import { REMIT_ID, REMIT_MESSAGE } from './remit_endpoints.js'
import { acceptanceFields } from '../acceptance_rows.js'
import { allSchemas, envelopeName, objectSchema, ref, rowSchemas } from './schemas.js'

const PROBLEM = 'ProblemDetails'
const GENERATION_VALUE = 'Insights.Api.Models.Responses.Generation.OutturnGenerationValue'

const MIME: Record<string, string> = {
  json: 'application/json',
  xml: 'application/xml',
  csv: 'text/csv',
}

/** Row schemas that are not a definition's own rows: derived from them, or fixed by the contract. */
function derivedSchemas(): Map<string, object> {
  const acceptance = objectSchema(acceptanceFields(), new Map(), ACCEPTANCE)
  const remit = rowSchemas(findDataset('REMIT')!)
  const message = remit.get(findDataset('REMIT')!.contractSchema) as any
  const dt = { type: 'string', format: 'date-time' }
  const int = { type: 'integer', format: 'int32' }
  return new Map<string, object>([
    ...remit,
    [ACCEPTANCE, acceptance],
    [REMIT_MESSAGE, { ...message, properties: { ...message.properties, id: int } }],
    [
      REMIT_ID,
      {
        type: 'object',
        properties: {
          id: int,
          mrid: { type: 'string', nullable: true },
          revisionNumber: int,
          createdTime: dt,
          publishTime: dt,
          url: { type: 'string', nullable: true },
        },
        additionalProperties: false,
      },
    ],
    [
      GENERATION_VALUE,
      {
        type: 'object',
        properties: {
          fuelType: { type: 'string', nullable: true },
          generation: { type: 'integer', format: 'int64' },
        },
        additionalProperties: false,
      },
    ],
    [
      SUMMARY,
      {
        type: 'object',
        properties: {
          startTime: { ...dt, nullable: true },
          settlementPeriod: { ...int, nullable: true },
          data: { type: 'array', items: ref(GENERATION_VALUE), nullable: true },
        },
        additionalProperties: false,
      },
    ],
  ])
}

function responseSchema(endpoint: Endpoint): object {
  const response = endpoint.response
  if ('schema' in response) return response.schema
  if (response.envelope === 'array') return { type: 'array', items: ref(response.row) }
  return ref(envelopeName(response.envelope, response.row))
}

function operation(endpoint: Endpoint) {
  const schema = responseSchema(endpoint)
  const content = Object.fromEntries(
    (endpoint.formats ?? ['json']).map((format) => [MIME[format], { schema }])
  )
  const problem = {
    description: 'Error with query parameters - see response for details',
    content: { 'application/problem+json': { schema: ref(PROBLEM) } },
  }
  return {
    get: {
      tags: [endpoint.tag],
      summary: endpoint.summary,
      ...(endpoint.extension ? { 'x-extension': true } : {}),
      parameters: endpoint.parameters,
      responses: { 200: { description: 'Data retrieved', content }, 400: problem },
    },
  }
}

let cached: object | undefined

export function openApiDocument(): object {
  cached ??= {
    openapi: '3.0.4',
    info: {
      title: 'Kinnect Insights API',
      version: appVersion(),
      description:
        "Elexon Insights-compatible public API (same paths, parameters, envelopes and fields for the endpoints it shares with Elexon's document) with extensions under /ext: run types, cursors, completeness, run diffs and push.",
    },
    servers: [{ url: '/bmrs/api/v1' }],
    paths: Object.fromEntries(endpoints().map((endpoint) => [endpoint.path, operation(endpoint)])),
    components: {
      schemas: {
        ...allSchemas(derivedSchemas()),
        [PROBLEM]: {
          type: 'object',
          properties: {
            type: { type: 'string' },
            title: { type: 'string' },
            status: { type: 'integer' },
            detail: { type: 'string' },
            errors: {
              type: 'object',
              additionalProperties: { type: 'array', items: { type: 'string' } },
            },
            traceId: { type: 'string', nullable: true },
          },
        },
      },
    },
  }
  return cached
}
