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

/** What build() needs to know about a definition beyond the definition itself, worked out once. */
interface Plan {
  /** Only object fields can take CSV columns named `member.field`. */
  nests: boolean
  /** Indexes into definition.fields of the fields the time family reads and derives. */
  timeFields: Map<string, number>
}

const plans = new WeakMap<DatasetDefinition, Plan>()

function planFor(definition: DatasetDefinition): Plan {
  let plan = plans.get(definition)
  if (!plan) {
    const { date, period, periodTo, start, end } = definition.time
    const roles = new Set([date, period, periodTo, start, end].filter((name) => name))
    plan = {
      nests: definition.fields.some((f) => f.type === 'object'),
      timeFields: new Map(
        definition.fields.flatMap((f, index) => (roles.has(f.name) ? [[f.name, index]] : []))
      ),
    }
    plans.set(definition, plan)
  }
  return plan
}

/*
 * One pass types the values, the time family completes the few time fields it
 * reads and derives, a second pass lays the row out in definition order with
 * defaults: one object per row, as a GB day's 200 000 settlement rows need.
 */
function build(
  definition: DatasetDefinition,
  raw: Record<string, unknown>,
  now: string,
  side: string | null,
  line: number
): StoredRow {
  const plan = planFor(definition)
  const values = plan.nests ? nestDotted(raw) : raw
  const typed = definition.fields.map((field) => {
    const value = typeField(field, values[field.name], now)
    if (field.required && (value === ABSENT || value === null))
      throw new FieldError(field.name, 'is required')
    return value
  })
  const timeValues: Record<string, unknown> = {}
  for (const [name, index] of plan.timeFields)
    if (typed[index] !== ABSENT) timeValues[name] = typed[index]
  const time = applyTimeFamily(definition, timeValues)
  for (const [name, index] of plan.timeFields)
    typed[index] = name in timeValues ? (timeValues[name] ?? null) : ABSENT
  const ordered: Record<string, unknown> = {}
  const defaulted: string[] = []
  for (const [index, field] of definition.fields.entries()) {
    let value = typed[index]
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
    settlementDate: time.settlementDate,
    settlementPeriod: time.settlementPeriod,
    startTime: time.startTime,
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
