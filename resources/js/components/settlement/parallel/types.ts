/** The stored parallel-run report as the pages receive it (app/settlement/parallel/). */
export interface Movement {
  frame: string
  column: string
  id: string
  /** control */
  a: number
  /** candidate */
  b: number
  delta: number
  date?: string
}

export interface PartyDelta {
  partyId: string
  fields: Record<string, { control: number; candidate: number; delta: number }>
}

export type Totals = Record<
  string,
  { control: number | null; candidate: number | null; delta: number | null }
>

export interface DayComparison {
  periods: { control: number; candidate: number }
  comparedValues: number
  changedValues: number
  maxAbsDiff: number
  totals: Totals
  outputs: {
    output: string
    status: string
    tolerance: number
    compared: string
    changedValues: number
    maxAbsDiff: number
    control: number | null
    candidate: number | null
  }[]
  byParty: PartyDelta[]
  byBmUnit: Movement[]
  byPeriod: Movement[]
  topMovers: Movement[]
  changedByPeriod: number[]
  systemSellPrice: { control: (number | null)[]; candidate: (number | null)[] } | null
  ignored: { output: string; reason: string }[]
  notes: string[]
}

export interface ParallelRunRow {
  id: number
  pluginId: string
  pluginVersion: number
  from: string
  to: string
  control: string
  candidate: string
  inputHashes: Record<string, string>
  status: 'running' | 'succeeded' | 'failed'
  requestedBy: string
  startedAt: string
  finishedAt: string | null
  timings: { loadMs: number; computeMs: number; compareMs: number; totalMs: number } | null
  comparedValues: number | null
  changedValues: number | null
  maxAbsDiff: number | null
  error: { message: string; stageId: string | null; origin: string | null } | null
}

export interface ParallelRun extends ParallelRunRow {
  report: {
    plugin: { id: string; version: number; title: string; mode: string }
    ignored: { output: string; reason: string }[]
    summary: {
      comparedValues: number
      changedValues: number
      maxAbsDiff: number
      totals: Totals
      byParty: PartyDelta[]
      topMovers: Movement[]
    }
    days: {
      date: string
      controlKey: string
      candidateKey: string
      inputHash: string
      candidateInputHash: string
      timings: { loadMs: number; computeMs: number; compareMs: number }
      comparison: DayComparison
    }[]
  } | null
}

/** Movements as delta-table rows: date (when the report spans days), id, frame.column. */
export function moverTable(movers: Movement[], idLabel: string) {
  const dated = movers.some((move) => move.date)
  return {
    heads: [...(dated ? ['Date'] : []), idLabel, 'Output'],
    rows: movers.map((move) => ({
      keys: [...(dated ? [move.date ?? ''] : []), move.id, `${move.frame}.${move.column}`],
      a: move.a,
      b: move.b,
      delta: move.delta,
    })),
  }
}

/** Run totals as delta-table rows, one per total. */
export function totalsTable(totals: Totals) {
  return Object.entries(totals).map(([name, total]) => ({
    keys: [name],
    a: total.control,
    b: total.candidate,
    delta: total.delta,
  }))
}

/** Per party, each output that moved: the party with the largest change first. */
export function partyTable(parties: PartyDelta[]) {
  return parties.flatMap((party) =>
    Object.entries(party.fields).map(([output, field]) => ({
      keys: [party.partyId, output],
      a: field.control,
      b: field.candidate,
      delta: field.delta,
    }))
  )
}
