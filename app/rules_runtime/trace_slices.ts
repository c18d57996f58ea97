import type { DayInputs } from './frames.js'
import type { ColumnFrame } from './stage.js'

/**
 * Slices of frames and inputs for a trace (trace.ts): only the rows of the
 * traced period and of the entities involved (a party's accounts and BM
 * Units), capped, so a trace stays small even on a GB-scale day.
 */
export type Row = Record<string, number | string | null>

export interface TracedRead {
  name: string
  /** rows of the read restricted to the traced period and entities (or a count when not sliceable) */
  rows: Row[]
  total?: number
}

const MAX_ROWS = 200
const clean = (v: number | string | null | undefined) =>
  typeof v === 'number' && Number.isNaN(v) ? null : (v ?? null)

export function rowOf(frame: ColumnFrame, at: number, only?: string): Row {
  const row: Row = {}
  for (const [name, column] of Object.entries(frame.columns))
    if (!only || name === only) row[name] = clean(column[at])
  for (const [name, labels] of Object.entries(frame.labels ?? {}))
    if (!only || name === only) row[name] = clean(labels[at])
  return row
}

export function idsOnAxis(inputs: DayInputs, axis: string): string[] | null {
  if (axis === 'party') return inputs.parties.ids
  if (axis === 'account') return inputs.accounts.ids
  if (axis === 'bmUnit') return inputs.bmUnits.ids
  return null
}

/** Which entities of each axis belong to the traced entity (a party owns accounts and leads BM Units). */
export function scopeOf(inputs: DayInputs, axis: string, entity: number | null) {
  const all = (n: number) => Array.from({ length: n }, (_, i) => i)
  const scope = { party: [] as number[], account: [] as number[], bmUnit: [] as number[] }
  if (entity === null) return null
  if (axis === 'party') {
    scope.party = [entity]
    scope.account = all(inputs.accounts.ids.length).filter(
      (a) => inputs.accounts.party[a] === entity
    )
    scope.bmUnit = all(inputs.bmUnits.ids.length).filter(
      (u) => inputs.bmUnits.leadParty[u] === entity
    )
  } else if (axis === 'account') {
    scope.account = [entity]
    scope.party = [inputs.accounts.party[entity]]
    scope.bmUnit = all(inputs.bmUnits.ids.length).filter(
      (u) => inputs.bmUnits.leadAccount[u] === entity
    )
  } else if (axis === 'bmUnit') {
    scope.bmUnit = [entity]
    scope.party = [inputs.bmUnits.leadParty[entity]]
    scope.account = [inputs.bmUnits.leadAccount[entity]]
  }
  return scope
}

export type Scope = ReturnType<typeof scopeOf>

/** Rows of a frame for the traced period (or the whole day) and entities in scope. */
export function sliceFrame(
  name: string,
  frame: ColumnFrame,
  inputs: DayInputs,
  period: number | undefined,
  scope: Scope
): TracedRead {
  const periods = period ? [period] : Array.from({ length: inputs.periods }, (_, j) => j + 1)
  const rows: Row[] = []
  if (frame.axis === 'period') {
    for (const j of periods) rows.push({ settlementPeriod: j, ...rowOf(frame, j - 1) })
  } else if (frame.axis === 'item' && frame.periodOffsets) {
    for (const j of periods) {
      for (let x = frame.periodOffsets[j - 1]; x < frame.periodOffsets[j]; x++)
        rows.push({ settlementPeriod: j, ...rowOf(frame, x) })
    }
  } else {
    const ids = idsOnAxis(inputs, frame.axis) ?? []
    const entities = scope ? scope[frame.axis as keyof NonNullable<Scope>] : ids.map((_, i) => i)
    for (const e of entities) {
      if (!frame.perPeriod) rows.push({ id: ids[e], ...rowOf(frame, e) })
      else
        for (const j of periods)
          rows.push({ id: ids[e], settlementPeriod: j, ...rowOf(frame, (j - 1) * ids.length + e) })
    }
  }
  return { name, rows: rows.slice(0, MAX_ROWS), total: rows.length }
}

type Columns = Record<string, ArrayLike<number | string | null>>

function pickRows(
  columns: Columns,
  indices: Iterable<number>,
  extra: (i: number) => Row = () => ({})
): Row[] {
  const rows: Row[] = []
  for (const i of indices) {
    const row: Row = extra(i)
    for (const [name, column] of Object.entries(columns)) row[name] = clean(column[i])
    rows.push(row)
    if (rows.length >= MAX_ROWS) break
  }
  return rows
}

function* range(from: number, to: number) {
  for (let i = from; i < to; i++) yield i
}

/** Columns of `value` with exactly `length` entries (drops offsets and other shapes). */
function columnsOfLength(value: Record<string, unknown>, length: number): Columns {
  const columns: Columns = {}
  for (const [name, column] of Object.entries(value)) {
    if (
      (ArrayBuffer.isView(column) || Array.isArray(column)) &&
      (column as ArrayLike<number>).length === length
    ) {
      columns[name] = column as ArrayLike<number>
    }
  }
  return columns
}

/** Inputs read by the stage, sliced by shape: per period, per (period, unit), per entity, per notification. */
export function sliceInput(
  name: string,
  inputs: DayInputs,
  period: number | undefined,
  scope: Scope
): TracedRead {
  const field = name.slice('inputs.'.length) as keyof DayInputs
  const value = inputs[field] as unknown
  const units = inputs.bmUnits.ids.length
  const periods = period ? [period] : [...range(1, inputs.periods + 1)]
  const unitsInScope = scope ? scope.bmUnit : [...range(0, units)]
  const read = (rows: Row[]) => ({ name, rows: rows.slice(0, MAX_ROWS) })
  if (typeof value !== 'object' || value === null)
    return read([{ value: value as number | string }])
  if (ArrayBuffer.isView(value)) {
    const array = value as unknown as Float64Array
    if (array.length === inputs.periods)
      return read(periods.map((j) => ({ settlementPeriod: j, value: clean(array[j - 1]) })))
    return read(
      unitsInScope.flatMap((u) =>
        periods.map((j) => ({
          id: inputs.bmUnits.ids[u],
          settlementPeriod: j,
          value: clean(array[(j - 1) * units + u]),
        }))
      )
    )
  }
  const object = value as Record<string, any>
  if (object.ids) {
    const entities =
      scope?.[field === 'parties' ? 'party' : field === 'accounts' ? 'account' : 'bmUnit'] ??
      range(0, object.ids.length)
    return read(pickRows(columnsOfLength(object, object.ids.length), entities))
  }
  if (object.periodOffsets) {
    const items = object.periodOffsets[object.periodOffsets.length - 1]
    const columns = columnsOfLength(object, items)
    return read(
      periods.flatMap((j) =>
        pickRows(columns, range(object.periodOffsets[j - 1], object.periodOffsets[j]), () => ({
          settlementPeriod: j,
        }))
      )
    )
  }
  if (object.offsets) {
    const columns = columnsOfLength(object, object.offsets[object.offsets.length - 1])
    return read(
      unitsInScope.flatMap((u) =>
        periods.flatMap((j) => {
          const g = (j - 1) * units + u
          return pickRows(columns, range(object.offsets[g], object.offsets[g + 1]), () => ({
            id: inputs.bmUnits.ids[u],
            settlementPeriod: j,
          }))
        })
      )
    )
  }
  if (object.unitOffsets) {
    const columns = columnsOfLength(object, object.unitOffsets[units])
    return read(
      unitsInScope.flatMap((u) =>
        pickRows(columns, range(object.unitOffsets[u], object.unitOffsets[u + 1]), () => ({
          id: inputs.bmUnits.ids[u],
        }))
      )
    )
  }
  if (object.period) {
    const columns = columnsOfLength(object, object.period.length)
    const inScope = (i: number) =>
      (!period || object.period[i] === period) &&
      (!scope ||
        ['fromAccount', 'toAccount'].some(
          (c) => object[c] && scope.account.includes(object[c][i])
        ) ||
        (object.bmUnit && scope.bmUnit.includes(object.bmUnit[i])))
    return read(pickRows(columns, [...range(0, object.period.length)].filter(inScope)))
  }
  return read(
    pickRows(
      columnsOfLength(object, inputs.periods),
      periods.map((j) => j - 1),
      (i) => ({ settlementPeriod: i + 1 })
    )
  )
}
