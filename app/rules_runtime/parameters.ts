/**
 * Dated rule parameters as data (ARCHITECTURE.md §4.3, domain/settlement.md §7.3).
 *
 * One YAML file per concept, under `<dir>/<area>/<name>.yaml`:
 *   name: par_volume
 *   unit: MWh
 *   reference: BSC Section T 4.4.x; P305
 *   description: …
 *   allowed: [a, b]            # optional, string parameters only
 *   values:
 *     '2006-11-02': 500
 *     '2015-11-05': 50
 * The value in force on a settlement date is the one with the latest start date on or before it.
 * Modification plugins change values from a date with `applyParameterDeltas`.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { basename, join, relative } from 'node:path'
import { parse } from 'yaml'
import type { ParameterValue } from './stage.js'

export type ParameterType = 'number' | 'string' | 'boolean'

export interface ParameterStep {
  effectiveFrom: string
  value: ParameterValue
  /** the file (or plugin delta) this value came from */
  source: string
}

export interface ParameterDefinition {
  name: string
  unit: string
  reference: string
  description: string
  type: ParameterType
  allowed: string[] | null
  /** ascending by effectiveFrom */
  steps: ParameterStep[]
}

export interface ParameterCatalogue {
  parameters: Readonly<Record<string, ParameterDefinition>>
}

export interface ParameterSource {
  value: ParameterValue
  effectiveFrom: string
  unit: string
  reference: string
  file: string
}

export interface ParametersInForce {
  values: Record<string, ParameterValue>
  sources: Record<string, ParameterSource>
}

/** A plugin's change: values from dates (merged over the existing ones); unit and reference name a new parameter. */
export interface ParameterDelta {
  name: string
  values: Record<string, ParameterValue>
  unit?: string
  reference?: string
  description?: string
  allowed?: string[]
  /** recorded as the values' source, e.g. 'p999_15min_periods/parameters/x.yaml' */
  source?: string
}

export class ParameterError extends Error {
  readonly file: string
  readonly key: string | null

  constructor(file: string, key: string | null, message: string) {
    super(`${file}${key ? ` [${key}]` : ''}: ${message}`)
    this.name = 'ParameterError'
    this.file = file
    this.key = key
  }
}

const DATE_KEY = /^\d{4}-\d{2}-\d{2}$/
const NAME = /^[a-z][a-z0-9_]*$/
const FIELDS = new Set(['name', 'unit', 'reference', 'description', 'allowed', 'values'])

/** Reads every `*.yaml` below `dir`, validates it and returns the catalogue (all or nothing). */
export function loadParameterCatalogue(dir: string): ParameterCatalogue {
  const parameters: Record<string, ParameterDefinition> = {}
  for (const path of yamlFiles(dir)) {
    const label = relative(dir, path)
    const definition = parseParameterFile(readFileSync(path, 'utf8'), label)
    if (definition.name !== basename(path, '.yaml')) {
      throw new ParameterError(label, 'name', `name "${definition.name}" must match the file name`)
    }
    if (parameters[definition.name]) {
      throw new ParameterError(label, 'name', `parameter "${definition.name}" is defined twice`)
    }
    parameters[definition.name] = definition
  }
  return { parameters }
}

/** Validates one parameter file's text; `file` names it in errors and in value sources. */
export function parseParameterFile(text: string, file: string): ParameterDefinition {
  let doc: unknown
  try {
    doc = parse(text)
  } catch (error) {
    throw new ParameterError(file, null, `not valid YAML: ${(error as Error).message}`)
  }
  if (!isRecord(doc)) throw new ParameterError(file, null, 'must be a mapping')
  for (const key of Object.keys(doc)) {
    if (!FIELDS.has(key)) throw new ParameterError(file, key, 'unknown field')
  }
  const requiredText = (key: string) => {
    const value = doc[key]
    if (typeof value !== 'string' || !value.trim()) {
      throw new ParameterError(file, key, 'must be a non-empty string')
    }
    return value
  }
  const name = requiredText('name')
  if (!NAME.test(name)) throw new ParameterError(file, 'name', 'must be snake_case')
  const allowed = parseAllowed(doc.allowed, file)
  if (!isRecord(doc.values) || Object.keys(doc.values).length === 0) {
    throw new ParameterError(file, 'values', 'must map at least one yyyy-MM-dd date to a value')
  }
  const definition: ParameterDefinition = {
    name,
    unit: requiredText('unit'),
    reference: requiredText('reference'),
    description: requiredText('description'),
    type: typeOf(Object.values(doc.values)[0], file, 'values'),
    allowed,
    steps: [],
  }
  if (allowed && definition.type !== 'string') {
    throw new ParameterError(file, 'allowed', 'only string parameters may list allowed values')
  }
  let previous = ''
  for (const [date, value] of Object.entries(doc.values)) {
    checkStep(definition, date, value, file)
    if (date <= previous) {
      throw new ParameterError(file, `values.${date}`, `dates must ascend (after ${previous})`)
    }
    previous = date
    definition.steps.push({ effectiveFrom: date, value: value as ParameterValue, source: file })
  }
  return definition
}

/** The value of every parameter in force on `date`; parameters not yet in force are absent. */
export function parametersOn(catalogue: ParameterCatalogue, date: string): ParametersInForce {
  if (!isIsoDate(date))
    throw new ParameterError('settlementDate', null, `"${date}" is not yyyy-MM-dd`)
  const values: Record<string, ParameterValue> = {}
  const sources: Record<string, ParameterSource> = {}
  for (const name of Object.keys(catalogue.parameters).sort()) {
    const definition = catalogue.parameters[name]
    let step: ParameterStep | undefined
    for (const candidate of definition.steps) {
      if (candidate.effectiveFrom > date) break
      step = candidate
    }
    if (!step) continue
    values[name] = step.value
    sources[name] = {
      value: step.value,
      effectiveFrom: step.effectiveFrom,
      unit: definition.unit,
      reference: definition.reference,
      file: step.source,
    }
  }
  return { values, sources }
}

/** A new catalogue with each delta's dated values merged in (same date: the delta wins). */
export function applyParameterDeltas(
  catalogue: ParameterCatalogue,
  deltas: ParameterDelta[]
): ParameterCatalogue {
  const parameters: Record<string, ParameterDefinition> = { ...catalogue.parameters }
  for (const delta of deltas) {
    const source = delta.source ?? `delta:${delta.name}`
    const entries = Object.entries(delta.values ?? {})
    if (entries.length === 0) throw new ParameterError(source, delta.name, 'a delta needs values')
    const existing = parameters[delta.name]
    const base: ParameterDefinition = existing
      ? { ...existing, steps: [...existing.steps] }
      : newDefinition(delta, source, entries[0][1])
    for (const [date, value] of entries) {
      checkStep(base, date, value, source)
      base.steps = base.steps.filter((step) => step.effectiveFrom !== date)
      base.steps.push({ effectiveFrom: date, value, source })
    }
    base.steps.sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? -1 : 1))
    parameters[delta.name] = base
  }
  return { parameters }
}

function newDefinition(delta: ParameterDelta, source: string, first: unknown): ParameterDefinition {
  if (!NAME.test(delta.name)) throw new ParameterError(source, 'name', 'must be snake_case')
  if (!delta.unit || !delta.reference) {
    throw new ParameterError(source, delta.name, 'a new parameter needs unit and reference')
  }
  return {
    name: delta.name,
    unit: delta.unit,
    reference: delta.reference,
    description: delta.description ?? delta.reference,
    type: typeOf(first, source, `values`),
    allowed: parseAllowed(delta.allowed, source),
    steps: [],
  }
}

function checkStep(definition: ParameterDefinition, date: string, value: unknown, file: string) {
  const key = `values.${date}`
  if (!isIsoDate(date)) throw new ParameterError(file, key, 'date must be a real yyyy-MM-dd date')
  const type = typeOf(value, file, key)
  if (type !== definition.type) {
    throw new ParameterError(
      file,
      key,
      `must be a ${definition.type} like the other values, got ${type}`
    )
  }
  if (definition.allowed && !definition.allowed.includes(value as string)) {
    throw new ParameterError(file, key, `must be one of ${definition.allowed.join(', ')}`)
  }
}

function typeOf(value: unknown, file: string, key: string): ParameterType {
  if (typeof value === 'number' && Number.isFinite(value)) return 'number'
  if (typeof value === 'boolean') return 'boolean'
  if (typeof value === 'string' && value.length > 0) return 'string'
  throw new ParameterError(file, key, 'must be a finite number, a boolean or a non-empty string')
}

function parseAllowed(value: unknown, file: string): string[] | null {
  if (value === undefined) return null
  if (!Array.isArray(value) || value.length === 0 || !value.every((v) => typeof v === 'string')) {
    throw new ParameterError(file, 'allowed', 'must be a non-empty list of strings')
  }
  return value as string[]
}

function isIsoDate(value: string): boolean {
  if (!DATE_KEY.test(value)) return false
  const parsed = new Date(`${value}T00:00:00Z`)
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function yamlFiles(dir: string): string[] {
  const found: string[] = []
  for (const entry of readdirSync(dir).sort()) {
    const path = join(dir, entry)
    if (statSync(path).isDirectory()) found.push(...yamlFiles(path))
    else if (entry.endsWith('.yaml')) found.push(path)
  }
  return found
}
