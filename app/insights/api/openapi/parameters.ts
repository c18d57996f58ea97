/**
 * Building blocks of the OpenAPI catalogue: the parameter and endpoint shapes
 * and the schemas and parameters the contract uses again and again.
 */
import { findDataset, registry } from '#insights/datasets/registry'

export interface Parameter {
  name: string
  in: 'query' | 'path' | 'header'
  required?: boolean
  description?: string
  schema: Record<string, unknown>
}

export interface Endpoint {
  path: string
  summary: string
  tag: string
  parameters: Parameter[]
  /** Response body: an envelope around a row schema, a bare array of it, or a plain schema. */
  response:
    { envelope: 'data' | 'metadata' | 'array'; row: string } | { schema: Record<string, unknown> }
  formats?: string[]
  extension?: boolean
}

export const STR = { type: 'string' }
export const DATE = { type: 'string', format: 'date' }
export const DATETIME = { type: 'string', format: 'date-time' }
export const INT = { type: 'integer', format: 'int32' }
export const BOOL = { type: 'boolean' }
export const LIST = { type: 'array', items: STR }
export const INT_LIST = { type: 'array', items: INT, uniqueItems: true }

export const q = (
  name: string,
  schema: Record<string, unknown>,
  required = false,
  description?: string
): Parameter => ({
  name,
  in: 'query',
  ...(required ? { required } : {}),
  ...(description ? { description } : {}),
  schema,
})
export const path = (name: string, schema: Record<string, unknown>): Parameter => ({
  name,
  in: 'path',
  required: true,
  schema,
})
export const format = (formats: string[]) =>
  q('format', { enum: formats, type: 'string' }, false, 'Response data format.')
export const runType = () =>
  q(
    'runType',
    { type: 'string', enum: registry().runTypes },
    false,
    'Extension: the latest run of this type instead of the latest run.'
  )
export const bidOffer = () => path('bidOffer', { enum: ['bid', 'offer'], type: 'string' })
export const row = (code: string) => findDataset(code)!.contractSchema
