/**
 * Turns a source record (API field names → raw values) into a stored row:
 * typed fields in definition order, the time fields its family derives, the
 * indexed columns queries filter on, and the key that identifies it.
 */
import type { DatasetDefinition } from './definition.js'
import { ABSENT, FieldError, defaultValue, typeField } from './field_values.js'
import { ImportError, type SourceRecord } from './import_error.js'
import { registry } from './registry.js'
import { applyTimeFamily } from './time_family.js'

export interface StoredRow {
  /** The source line (or record number) the row came from, to name it in errors. */
  line: number
  settlementDate: string | null
  settlementPeriod: number | null
  startTime: string | null
  publishTime: string | null
  entity: string | null
  side: string | null
  value: number | null
  rowKey: string
  /** Typed values, in definition order, of the fields the row has. */
  fields: Record<string, unknown>
  /** Fields that only hold their default: a merge keeps an earlier explicit value over them. */
  defaulted: string[]
}

/** CSV columns named `pairVolumes.negative1` become members of the `pairVolumes` object. */
function nestDotted(values: Record<string, unknown>): Record<string, unknown> {
  if (!Object.keys(values).some((key) => key.includes('.'))) return values
  const out: Record<string, any> = {}
  for (const [key, value] of Object.entries(values)) {
    const [head, member] = key.split('.', 2)
    if (member === undefined) out[key] = value
    else (out[head] ??= {})[member] = value
  }
  return out
}

export function rowKey(
  definition: DatasetDefinition,
  fields: Record<string, unknown>,
  side: string | null
) {
  return definition.keys.map((key) => (key === '@side' ? side : fields[key]) ?? '').join('|')
}

function checkEntity(definition: DatasetDefinition, fields: Record<string, unknown>) {
  if (!definition.entity || definition.entityReference !== 'fuelTypes') return
  const code = fields[definition.entity]
  if (!registry().fuelTypes.get(String(code))?.outturn) {
    throw new FieldError(
      definition.entity,
      `${JSON.stringify(code)} is not a known fuel type (add it to app/insights/datasets/fuel_types.yaml)`
    )
  }
}

function build(
  definition: DatasetDefinition,
  raw: Record<string, unknown>,
  now: string,
  side: string | null,
  line: number
): StoredRow {
  const values = nestDotted(raw)
  const fields: Record<string, unknown> = {}
  for (const field of definition.fields) {
    const value = typeField(field, values[field.name], now)
    if (value !== ABSENT) fields[field.name] = value
    if (field.required && (value === ABSENT || value === null))
      throw new FieldError(field.name, 'is required')
  }
  const time = applyTimeFamily(definition, fields)
  const ordered: Record<string, unknown> = {}
  const defaulted: string[] = []
  for (const field of definition.fields) {
    let value: unknown = field.name in fields ? (fields[field.name] ?? null) : ABSENT
    if (value === ABSENT) {
      value = defaultValue(field, now)
      if (value !== ABSENT) defaulted.push(field.name)
    }
    if (value !== ABSENT) ordered[field.name] = value
  }
  checkEntity(definition, ordered)
  const roles = definition.time
  const entity = definition.entity ? ordered[definition.entity] : null
  if (typeof entity === 'string' && entity.length > 64) {
    throw new FieldError(definition.entity!, 'must be at most 64 characters')
  }
  const value = definition.value ? ordered[definition.value] : null
  return {
    line,
    ...time,
    publishTime: roles.publish ? ((ordered[roles.publish] as string | null) ?? null) : null,
    entity: (entity as string | null) ?? null,
    side,
    value: typeof value === 'number' ? value : null,
    rowKey: rowKey(definition, ordered, side),
    fields: ordered,
    defaulted,
  }
}

/** Builds one row from a file record; a bad value becomes an ImportError naming line and field. */
export function buildRow(
  definition: DatasetDefinition,
  record: SourceRecord,
  now: string,
  side: string | null = null
): StoredRow {
  try {
    return build(definition, record.values, now, side, record.line)
  } catch (error) {
    if (error instanceof FieldError) {
      const field =
        record.column && record.column !== error.field
          ? `${error.field} (column ${record.column})`
          : error.field
      throw new ImportError(record.line, field, error.message)
    }
    throw error
  }
}
