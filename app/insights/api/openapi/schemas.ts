/**
 * OpenAPI component schemas generated from the dataset definitions, named as
 * in Elexon's document, so the document we serve describes exactly the rows
 * we send (a test compares them with the contract's components).
 */
import type { DatasetDefinition, FieldDefinition } from '#insights/datasets/definition'
import { registry } from '#insights/datasets/registry'

const PREFIX = 'Insights.Api.Models.Responses.'
export const METADATA_SCHEMA = 'Insights.Api.Models.Metadata.ApiResponseSourceMetadata'

export const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` })

const SCALARS: Record<string, Record<string, string>> = {
  'string': { type: 'string' },
  'int32': { type: 'integer', format: 'int32' },
  'int64': { type: 'integer', format: 'int64' },
  'double': { type: 'number', format: 'double' },
  'boolean': { type: 'boolean' },
  'date': { type: 'string', format: 'date' },
  'date-time': { type: 'string', format: 'date-time' },
}

function fieldSchema(field: FieldDefinition, nested: Map<string, object>, owner: string): object {
  const nullable = field.nullable ? { nullable: true } : {}
  if (field.type === 'object' || field.type === 'array') {
    const name =
      field.schema ?? `${owner}.${field.name.charAt(0).toUpperCase()}${field.name.slice(1)}`
    nested.set(name, objectSchema(field.fields!, nested, name))
    return field.type === 'object' ? ref(name) : { type: 'array', items: ref(name), ...nullable }
  }
  return { ...SCALARS[field.type], ...nullable }
}

export function objectSchema(
  fields: FieldDefinition[],
  nested: Map<string, object>,
  owner: string
) {
  const properties: Record<string, object> = {}
  for (const field of fields) properties[field.name] = fieldSchema(field, nested, owner)
  return { type: 'object', properties, additionalProperties: false }
}

/** The row schema of a definition, plus the schemas of its nested objects. */
export function rowSchemas(definition: DatasetDefinition): Map<string, object> {
  const schemas = new Map<string, object>()
  schemas.set(
    definition.contractSchema,
    objectSchema(definition.fields, schemas, definition.contractSchema)
  )
  return schemas
}

/** `{data}` (dataset) and `{data, metadata}` (use-case) envelopes around a row schema. */
export function envelopeSchemas(row: string): Map<string, object> {
  const data = { type: 'array', items: ref(row), nullable: true }
  return new Map<string, object>([
    [
      `${PREFIX}DatasetResponse-1_${row}`,
      { type: 'object', properties: { data }, additionalProperties: false },
    ],
    [
      `${PREFIX}ResponseWithMetadata-1_${row}`,
      {
        type: 'object',
        properties: { data, metadata: ref(METADATA_SCHEMA) },
        additionalProperties: false,
      },
    ],
  ])
}

export function envelopeName(kind: 'data' | 'metadata', row: string): string {
  return `${PREFIX}${kind === 'data' ? 'DatasetResponse' : 'ResponseWithMetadata'}-1_${row}`
}

/** Every schema the served document needs, keyed by component name. */
export function allSchemas(extra: Map<string, object>): Record<string, object> {
  const out = new Map<string, object>([
    [
      METADATA_SCHEMA,
      {
        type: 'object',
        properties: { datasets: { type: 'array', items: { type: 'string' }, nullable: true } },
        additionalProperties: false,
      },
    ],
  ])
  for (const definition of registry().datasets.values()) {
    for (const [name, schema] of rowSchemas(definition)) out.set(name, schema)
    for (const [name, schema] of envelopeSchemas(definition.contractSchema)) out.set(name, schema)
  }
  for (const [name, schema] of extra) {
    out.set(name, schema)
    for (const [envelope, wrapped] of envelopeSchemas(name)) out.set(envelope, wrapped)
  }
  return Object.fromEntries([...out].sort(([a], [b]) => a.localeCompare(b)))
}
