/**
 * Self-serve data requests: a dataset from the registry, a date range,
 * filters the dataset has (fuel type, BM Unit, run type, bid/offer), the
 * fields to keep and a format. Checked with the public API's parameter rules
 * so each problem is named by its field.
 */
import { datesBetween } from '#core/calendar/index'
import { checkDateRange, Params, type Format } from '#insights/api/params'
import type { DatasetDefinition } from '#insights/datasets/definition'
import { registry } from '#insights/datasets/registry'

/** A year of any dataset per request: streamed, so only the download's length grows with it. */
export const MAX_REQUEST_DAYS = 366
export const REQUEST_FORMATS: Format[] = ['csv', 'json', 'xml']

export interface EntityFilter {
  param: 'fuelType' | 'bmUnit' | 'assetId'
  label: string
}

export interface DataRequest {
  definition: DatasetDefinition
  /** Settlement dates, in order; empty for reference data (no time). */
  dates: string[]
  entities: string[]
  runType?: string
  side?: string
  fields: string[]
  format: Format
}

/** Datasets held in the row store (REMIT messages have their own list endpoints). */
export function requestableDatasets(): DatasetDefinition[] {
  return [...registry().datasets.values()].filter((d) => d.source.kind !== 'remit')
}

export function entityFilter(definition: DatasetDefinition): EntityFilter | null {
  if (!definition.entity || definition.time.family === 'reference') return null
  if (definition.entityReference === 'fuelTypes') return { param: 'fuelType', label: 'Fuel types' }
  if (['bmUnit', 'id'].includes(definition.entity))
    return { param: 'bmUnit', label: 'BM Units (Elexon ids)' }
  return { param: 'assetId', label: 'Asset ids' }
}

/** What the request form offers for each dataset. */
export function datasetChoices() {
  return requestableDatasets().map((definition) => ({
    code: definition.code,
    title: definition.title,
    timed: definition.time.family !== 'reference',
    entity: entityFilter(definition),
    runVersioned: definition.source.kind === 'settlement',
    sides: definition.sides ?? [],
    fields: definition.fields.map((field) => field.name),
  }))
}

const FILTERS = ['fuelType', 'bmUnit', 'assetId'] as const

function readEntities(params: Params, definition: DatasetDefinition): string[] {
  const filter = entityFilter(definition)
  for (const name of FILTERS) {
    if (name !== filter?.param && params.has(name))
      params.fail(name, `${definition.code} cannot be filtered by ${name}`)
  }
  if (!filter) return []
  const values = params.list(filter.param)
  if (filter.param !== 'fuelType') return values
  const known = registry().fuelTypes
  const codes = values.map((value) => value.toUpperCase())
  const unknown = codes.filter((code) => !known.get(code)?.outturn)
  if (unknown.length > 0) params.fail('fuelType', `Unknown fuel type ${unknown.join(', ')}`)
  return codes
}

function readFields(params: Params, definition: DatasetDefinition): string[] {
  const all = definition.fields.map((field) => field.name)
  const chosen = params.list('fields')
  const unknown = chosen.filter((name) => !all.includes(name))
  if (unknown.length > 0) {
    params.fail(
      'fields',
      `${definition.code} has no field ${unknown.join(', ')}; its fields: ${all.join(', ')}`
    )
  }
  // Definition order whatever order they were ticked in.
  return chosen.length === 0 ? all : all.filter((name) => chosen.includes(name))
}

/** The checked request, or the problems by field (`params.errors`) when there are any. */
export function parseDataRequest(values: Record<string, unknown>): {
  params: Params
  request?: DataRequest
} {
  const params = new Params(values)
  const code = params.raw('dataset', true)
  const definition = code
    ? requestableDatasets().find((d) => d.code === code.toUpperCase())
    : undefined
  if (code && !definition) {
    params.fail(
      'dataset',
      `Unknown dataset ${JSON.stringify(code)}; choose one of ${requestableDatasets()
        .map((d) => d.code)
        .join(', ')}`
    )
  }
  const format = params.format(REQUEST_FORMATS)
  if (!definition) return { params }

  let dates: string[] = []
  if (definition.time.family !== 'reference') {
    const from = params.date('from', true)
    const to = params.date('to', true)
    if (from && to && checkDateRange(params, 'from', from, 'to', to, MAX_REQUEST_DAYS))
      dates = datesBetween(from, to)
  }
  const runType = params.raw('runType')
  if (runType !== undefined) {
    if (definition.source.kind !== 'settlement')
      params.fail('runType', `${definition.code} is not produced by settlement runs`)
    else if (!registry().runTypes.includes(runType))
      params.fail('runType', `runType must be one of ${registry().runTypes.join(', ')}`)
  }
  const side = params.raw('side')
  if (side !== undefined && !(definition.sides ?? []).includes(side)) {
    params.fail(
      'side',
      definition.sides
        ? `side must be one of ${definition.sides.join(', ')}`
        : `${definition.code} has no bid/offer side`
    )
  }
  const request: DataRequest = {
    definition,
    dates,
    entities: readEntities(params, definition),
    runType,
    side,
    fields: readFields(params, definition),
    format,
  }
  return Object.keys(params.errors).length > 0 ? { params } : { params, request }
}
