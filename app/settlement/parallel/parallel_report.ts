import type { Movement } from '#settlement/actions/diff_runs'
import { publishedTotal } from '#settlement/runs/result_tables'

/**
 * The stored report of a parallel run: each date's comparison and, over the
 * whole range, the headline figures — values compared and changed, the
 * largest difference, totals summed, per-party changes summed and the top
 * movers of all dates.
 */
export interface OutputComparison {
  output: string
  status: 'changed' | 'added' | 'removed'
  tolerance: number
  /** 'values' one by one, or 'daily totals' when the period lengths differ */
  compared: 'values' | 'daily totals'
  changedValues: number
  maxAbsDiff: number
  control: number | null
  candidate: number | null
}

export interface PartyDelta {
  partyId: string
  fields: Record<string, { control: number; candidate: number; delta: number }>
}

export interface DayComparison {
  periods: { control: number; candidate: number }
  comparedValues: number
  changedValues: number
  maxAbsDiff: number
  totals: Record<string, { control: number | null; candidate: number | null; delta: number | null }>
  /** the outputs that moved (the others are the same within tolerance) */
  outputs: OutputComparison[]
  byParty: PartyDelta[]
  byBmUnit: Movement[]
  byPeriod: Movement[]
  topMovers: Movement[]
  /** per period: how many values moved beyond tolerance (empty when the period lengths differ) */
  changedByPeriod: number[]
  /** the headline output per period on both sides, for the report's chart (null when not paired) */
  systemSellPrice: { control: (number | null)[]; candidate: (number | null)[] } | null
  ignored: { output: string; reason: string }[]
  notes: string[]
}

export interface ParallelDayReport {
  date: string
  controlKey: string
  candidateKey: string
  /** hash of the frozen 30-minute inputs both sides start from */
  inputHash: string
  /** the candidate's inputs, when its rule set resamples them to shorter periods */
  candidateInputHash: string
  timings: { loadMs: number; computeMs: number; compareMs: number }
  comparison: DayComparison
}

export interface ParallelSummary {
  comparedValues: number
  changedValues: number
  maxAbsDiff: number
  totals: DayComparison['totals']
  byParty: PartyDelta[]
  topMovers: (Movement & { date: string })[]
}

export interface ParallelReport {
  plugin: { id: string; version: number; title: string; mode: string }
  ignored: { output: string; reason: string }[]
  summary: ParallelSummary
  days: ParallelDayReport[]
}

const TOP = 20

export function summarise(days: ParallelDayReport[]): ParallelSummary {
  const summary: ParallelSummary = {
    comparedValues: 0,
    changedValues: 0,
    maxAbsDiff: 0,
    totals: {},
    byParty: [],
    topMovers: [],
  }
  const partyMoves: Movement[] = []
  for (const { date, comparison } of days) {
    summary.comparedValues += comparison.comparedValues
    summary.changedValues += comparison.changedValues
    summary.maxAbsDiff = Math.max(summary.maxAbsDiff, comparison.maxAbsDiff)
    for (const [name, total] of Object.entries(comparison.totals)) {
      // Counts (parties, BM Units) are per day; adding them up over days would mean nothing.
      if (['parties', 'bmUnits'].includes(name) && days.length > 1) continue
      const sum = (summary.totals[name] ??= { control: 0, candidate: 0, delta: 0 })
      const add = (x: number | null, y: number | null) =>
        x === null || y === null ? null : publishedTotal(name, x + y)
      sum.control = add(sum.control, total.control)
      sum.candidate = add(sum.candidate, total.candidate)
      sum.delta = add(sum.delta, total.delta)
    }
    for (const party of comparison.byParty) {
      for (const [output, field] of Object.entries(party.fields)) {
        const dot = output.indexOf('.')
        partyMoves.push({
          frame: output.slice(0, dot),
          column: output.slice(dot + 1),
          id: party.partyId,
          a: field.control,
          b: field.candidate,
          delta: field.delta,
        })
      }
    }
    summary.topMovers.push(...comparison.topMovers.map((move) => ({ ...move, date })))
  }
  summary.byParty = byParty(sumByParty(partyMoves))
  summary.topMovers = summary.topMovers
    .sort((x, y) => Math.abs(y.delta) - Math.abs(x.delta))
    .slice(0, TOP)
  return summary
}

/** One movement per party and output, the dates added up. */
function sumByParty(moves: Movement[]): Movement[] {
  const sums = new Map<string, Movement>()
  for (const move of moves) {
    const key = `${move.id}\u0000${move.frame}.${move.column}`
    const sum = sums.get(key)
    if (!sum) sums.set(key, { ...move })
    else {
      sum.a += move.a
      sum.b += move.b
      sum.delta += move.delta
    }
  }
  return [...sums.values()]
}

/** Party movements grouped per party, the party with the largest change first. */
export function byParty(moves: Movement[]): PartyDelta[] {
  const parties = new Map<string, PartyDelta & { largest: number }>()
  for (const move of moves) {
    const party = parties.get(move.id) ?? { partyId: move.id, fields: {}, largest: 0 }
    party.fields[`${move.frame}.${move.column}`] = {
      control: move.a,
      candidate: move.b,
      delta: move.delta,
    }
    party.largest = Math.max(party.largest, Math.abs(move.delta))
    parties.set(move.id, party)
  }
  return [...parties.values()]
    .sort((x, y) => y.largest - x.largest)
    .map(({ partyId, fields }) => ({ partyId, fields }))
}
