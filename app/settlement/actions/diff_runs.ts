import type { ColumnFrame } from '#rules_runtime/stage'
import { canonicalHash, type Encodable } from '#rules_runtime/columnar_codec'
import { loadRunFrames } from '#settlement/runs/frame_store'
import { findRun, type RunRow } from '#settlement/queries/runs'
import { publishedTotal } from '#settlement/runs/result_tables'

/**
 * What moved between two runs, generically over every frame both produced
 * (ARCHITECTURE.md §4.6): headline totals, each column's total, per party
 * (party frames, and account frames rolled up to their party), per BM Unit
 * and per period, with the largest movers first. Entities are matched by id,
 * so runs over different registrations still compare.
 */
export interface Movement {
  frame: string
  column: string
  /** party / BM Unit / account id, or `P<n>` for a period */
  id: string
  a: number
  b: number
  delta: number
}

export interface ColumnDiff {
  column: string
  totalA: number
  totalB: number
  delta: number
}

export interface RunDiff {
  runA: Pick<
    RunRow,
    'id' | 'settlementDate' | 'runType' | 'runNumber' | 'ruleSetKey' | 'inputHash' | 'outputHash'
  >
  runB: RunDiff['runA']
  identical: boolean
  totals: Record<string, { a: number | null; b: number | null; delta: number | null }>
  frames: {
    name: string
    status: 'changed' | 'same' | 'added' | 'removed'
    columns: ColumnDiff[]
  }[]
  byParty: Movement[]
  byBmUnit: Movement[]
  byPeriod: Movement[]
  topMovers: Movement[]
}

export class DiffRunNotFound extends Error {}

const TOLERANCE = 1e-9

export interface Aggregates {
  total: number
  byEntity: Map<string, number>
  byPeriod: number[]
  /** entity axis of byEntity ('party' for account frames rolled up) */
  entityAxis: string | null
}

/** A column's total, per entity (account frames rolled up to parties) and per period (shared with parallel runs). */
export function aggregate(
  frame: ColumnFrame,
  column: string,
  entities: Record<string, string[]>,
  partyOfAccount: Int32Array | undefined,
  periods: number
): Aggregates {
  const values = frame.columns[column]
  const result: Aggregates = {
    total: 0,
    byEntity: new Map(),
    byPeriod: new Array(periods).fill(0),
    entityAxis: null,
  }
  const add = (entity: string | null, period: number | null, v: number) => {
    if (Number.isNaN(v)) return
    result.total += v
    if (entity !== null) result.byEntity.set(entity, (result.byEntity.get(entity) ?? 0) + v)
    if (period !== null) result.byPeriod[period] += v
  }
  if (frame.axis === 'period') {
    for (let j = 0; j < values.length; j++) add(null, j, values[j])
  } else if (frame.axis === 'item' && frame.periodOffsets) {
    for (let j = 0; j < frame.periodOffsets.length - 1; j++) {
      for (let x = frame.periodOffsets[j]; x < frame.periodOffsets[j + 1]; x++)
        add(null, j, values[x])
    }
  } else if (frame.axis !== 'item') {
    const rollUp = frame.axis === 'account' && partyOfAccount
    const ids = entities[frame.axis]
    const parties = entities.party
    result.entityAxis = rollUp ? 'party' : frame.axis
    const count = ids.length
    for (const [at, value] of values.entries()) {
      const e = at % count
      const entity = rollUp ? parties[partyOfAccount[e]] : ids[e]
      add(entity, frame.perPeriod ? Math.floor(at / count) : null, value)
    }
  }
  return result
}

async function runFrames(runId: number) {
  const frames = await loadRunFrames(runId)
  const entities = {
    party: frames['inputs.parties'].labels!.id as string[],
    account: frames['inputs.accounts'].labels!.id as string[],
    bmUnit: frames['inputs.bmUnits'].labels!.id as string[],
  }
  const partyOfAccount = frames['inputs.accounts'].columns.party as Int32Array
  for (const name of Object.keys(frames)) if (name.startsWith('inputs.')) delete frames[name]
  return { frames, entities, partyOfAccount }
}

const pick = (run: RunRow) => ({
  id: run.id,
  settlementDate: run.settlementDate,
  runType: run.runType,
  runNumber: run.runNumber,
  ruleSetKey: run.ruleSetKey,
  inputHash: run.inputHash,
  outputHash: run.outputHash,
})

export async function diffRuns(
  runIdA: number,
  runIdB: number,
  options: { top?: number } = {}
): Promise<RunDiff> {
  const top = options.top ?? 10
  const runA = await findRun(runIdA)
  const runB = await findRun(runIdB)
  if (!runA || !runB || runA.status !== 'succeeded' || runB.status !== 'succeeded')
    throw new DiffRunNotFound()
  const a = await runFrames(runIdA)
  const b = await runFrames(runIdB)
  const periods = Math.max(runA.periods ?? 0, runB.periods ?? 0)
  const moved = (x: number, y: number) => Math.abs(x - y) > TOLERANCE
  const result: RunDiff = {
    runA: pick(runA),
    runB: pick(runB),
    identical: runA.outputHash === runB.outputHash,
    totals: {},
    frames: [],
    byParty: [],
    byBmUnit: [],
    byPeriod: [],
    topMovers: [],
  }
  for (const key of new Set([
    ...Object.keys(runA.totals ?? {}),
    ...Object.keys(runB.totals ?? {}),
  ])) {
    const x = runA.totals?.[key] ?? null
    const y = runB.totals?.[key] ?? null
    const delta = x === null || y === null ? null : publishedTotal(key, y - x)
    result.totals[key] = { a: x, b: y, delta }
  }
  for (const name of [...new Set([...Object.keys(a.frames), ...Object.keys(b.frames)])].sort()) {
    const [fa, fb] = [a.frames[name], b.frames[name]]
    if (!fa || !fb) {
      result.frames.push({ name, status: fa ? 'removed' : 'added', columns: [] })
      continue
    }
    if (canonicalHash(fa as unknown as Encodable) === canonicalHash(fb as unknown as Encodable)) {
      result.frames.push({ name, status: 'same', columns: [] })
      continue
    }
    const columns: ColumnDiff[] = []
    for (const column of Object.keys(fa.columns).filter((c) => c in fb.columns)) {
      const ga = aggregate(fa, column, a.entities, a.partyOfAccount, periods)
      const gb = aggregate(fb, column, b.entities, b.partyOfAccount, periods)
      columns.push({ column, totalA: ga.total, totalB: gb.total, delta: gb.total - ga.total })
      const target =
        ga.entityAxis === 'party'
          ? result.byParty
          : ga.entityAxis === 'bmUnit'
            ? result.byBmUnit
            : null
      if (target) {
        for (const id of new Set([...ga.byEntity.keys(), ...gb.byEntity.keys()])) {
          const [x, y] = [ga.byEntity.get(id) ?? 0, gb.byEntity.get(id) ?? 0]
          if (moved(x, y)) target.push({ frame: name, column, id, a: x, b: y, delta: y - x })
        }
      }
      if (fa.axis === 'period' || fa.axis === 'item') {
        ga.byPeriod.forEach((x, j) => {
          const y = gb.byPeriod[j]
          if (moved(x, y))
            result.byPeriod.push({ frame: name, column, id: `P${j + 1}`, a: x, b: y, delta: y - x })
        })
      }
    }
    result.frames.push({
      name,
      status: 'changed',
      columns: columns.filter((c) => moved(c.totalA, c.totalB)),
    })
  }
  const biggest = (list: Movement[]) => list.sort((x, y) => Math.abs(y.delta) - Math.abs(x.delta))
  result.topMovers = biggest([...result.byParty, ...result.byBmUnit]).slice(0, top)
  result.byParty = biggest(result.byParty).slice(0, top * 5)
  result.byBmUnit = biggest(result.byBmUnit).slice(0, top * 5)
  result.byPeriod = biggest(result.byPeriod).slice(0, top * 5)
  return result
}
