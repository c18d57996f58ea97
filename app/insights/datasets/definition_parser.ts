/**
 * Checks a dataset definition read from YAML: a definition is data, so every
 * mistake in one must be a clear error at load time, naming the file and the place.
 */
import {
  API_STYLES,
  DefinitionError,
  FIELD_TYPES,
  TIME_FAMILIES,
  type DatasetDefinition,
  type FieldDefinition,
  type TimeFamily,
  type TimeRoles,
} from './definition.js'
type Raw = Record<string, any>

function isObject(value: unknown): value is Raw {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function parseField(raw: unknown, file: string, where: string): FieldDefinition {
  if (!isObject(raw)) throw new DefinitionError(file, where, 'a field must be a mapping')
  const { name, type } = raw
  if (typeof name !== 'string' || !/^[a-zA-Z][a-zA-Z0-9]*$/.test(name)) {
    throw new DefinitionError(
      file,
      where,
      `field name must be camelCase letters/digits, got ${JSON.stringify(name)}`
    )
  }
  if (!FIELD_TYPES.includes(type)) {
    throw new DefinitionError(
      file,
      `${where} (${name})`,
      `type must be one of ${FIELD_TYPES.join(', ')}, got ${JSON.stringify(type)}`
    )
  }
  const nested = type === 'object' || type === 'array'
  if (nested && !Array.isArray(raw.fields)) {
    throw new DefinitionError(file, `${where} (${name})`, `${type} fields need a "fields" list`)
  }
  const field: FieldDefinition = {
    name,
    type,
    nullable: raw.nullable === true,
    required: raw.required === true,
  }
  if (raw.const !== undefined) field.const = String(raw.const)
  if (raw.default !== undefined) field.default = raw.default
  if (nested) {
    if (typeof raw.schema === 'string') field.schema = raw.schema
    field.fields = raw.fields.map((item: unknown, index: number) =>
      parseField(item, file, `${where}.${name}.fields[${index}]`)
    )
  }
  return field
}

function requireString(raw: Raw, key: string, file: string): string {
  if (typeof raw[key] !== 'string' || raw[key] === '') {
    throw new DefinitionError(file, key, 'is required (a non-empty string)')
  }
  return raw[key]
}

function checkFieldRef(fields: FieldDefinition[], name: unknown, file: string, where: string) {
  if (name === undefined) return
  if (name === '@side') return
  if (typeof name !== 'string' || !fields.some((field) => field.name === name)) {
    throw new DefinitionError(
      file,
      where,
      `names no field of this dataset: ${JSON.stringify(name)}`
    )
  }
}

function parseTime(raw: unknown, fields: FieldDefinition[], file: string): TimeRoles {
  if (!isObject(raw)) throw new DefinitionError(file, 'time', 'is required (a mapping)')
  if (!TIME_FAMILIES.includes(raw.family)) {
    throw new DefinitionError(file, 'time.family', `must be one of ${TIME_FAMILIES.join(', ')}`)
  }
  const periodMinutes = raw.periodMinutes ?? 30
  if (![30, 15, 5].includes(periodMinutes)) {
    throw new DefinitionError(file, 'time.periodMinutes', 'must be 30, 15 or 5')
  }
  const roles: TimeRoles = { ...raw, family: raw.family, periodMinutes }
  for (const role of ['date', 'period', 'periodTo', 'start', 'end', 'publish'] as const) {
    checkFieldRef(fields, roles[role], file, `time.${role}`)
  }
  const needs: Record<TimeFamily, (keyof TimeRoles)[]> = {
    instant: ['start', 'intervalMinutes'],
    settlementPeriod: ['date', 'period'],
    event: ['start', 'end'],
    reference: [],
  }
  for (const role of needs[roles.family]) {
    if (roles[role] === undefined) {
      throw new DefinitionError(file, `time.${role}`, `is required for the ${roles.family} family`)
    }
  }
  return roles
}

/** Validates one parsed YAML document; `file` names it in errors. */
export function parseDefinition(raw: unknown, file: string): DatasetDefinition {
  if (!isObject(raw)) throw new DefinitionError(file, '(root)', 'a definition must be a mapping')
  const code = requireString(raw, 'code', file)
  if (!/^[A-Z][A-Z0-9_]*$/.test(code)) throw new DefinitionError(file, 'code', 'must be upper case')
  if (!Array.isArray(raw.fields) || raw.fields.length === 0) {
    throw new DefinitionError(file, 'fields', 'is required (a non-empty list)')
  }
  const fields = raw.fields.map((field: unknown, index: number) =>
    parseField(field, file, `fields[${index}]`)
  )
  const duplicate = fields.find(
    (f: FieldDefinition, i: number) =>
      fields.findIndex((g: FieldDefinition) => g.name === f.name) !== i
  )
  if (duplicate)
    throw new DefinitionError(file, 'fields', `field "${duplicate.name}" appears twice`)

  const source = isObject(raw.source) ? raw.source : {}
  if (!['ingest', 'settlement', 'remit'].includes(source.kind)) {
    throw new DefinitionError(file, 'source.kind', 'must be ingest, settlement or remit')
  }
  if (!Array.isArray(raw.keys) || raw.keys.length === 0) {
    throw new DefinitionError(file, 'keys', 'is required (a non-empty list of field names)')
  }
  raw.keys.forEach((key: unknown, index: number) =>
    checkFieldRef(fields, key, file, `keys[${index}]`)
  )
  checkFieldRef(fields, raw.entity, file, 'entity')
  checkFieldRef(fields, raw.value, file, 'value')
  if (raw.keys.includes('@side') && !Array.isArray(raw.sides)) {
    throw new DefinitionError(file, 'sides', 'is required when keys use @side')
  }
  const api = isObject(raw.api) ? raw.api : {}
  const style = api.style ?? 'none'
  if (!API_STYLES.includes(style)) {
    throw new DefinitionError(file, 'api.style', `must be one of ${API_STYLES.join(', ')}`)
  }
  const diff = raw.diff
  if (diff !== undefined) {
    if (!isObject(diff) || !Array.isArray(diff.key) || !Array.isArray(diff.values)) {
      throw new DefinitionError(file, 'diff', 'needs "key" and "values" lists')
    }
    ;[...diff.key, ...diff.values].forEach((name: unknown) =>
      checkFieldRef(fields, name, file, 'diff')
    )
  }
  return {
    code,
    title: requireString(raw, 'title', file),
    file,
    time: parseTime(raw.time, fields, file),
    source: { kind: source.kind, output: source.output },
    keys: raw.keys,
    entity: raw.entity,
    entityReference: raw.entityReference,
    value: raw.value,
    sides: raw.sides,
    api: {
      style,
      entityParam: api.entityParam,
      maxRangeDays: Number(api.maxRangeDays ?? 7),
      streamMaxRangeDays: Number(api.streamMaxRangeDays ?? api.maxRangeDays ?? 7),
      formats: Array.isArray(api.formats) ? api.formats : ['json', 'xml', 'csv'],
    },
    contractSchema: requireString(raw, 'contractSchema', file),
    diff,
    fields,
  }
}
