/** Shapes of the settlement pages' props (what app/settlement/queries/* answer). */
export interface RunRow {
  id: number
  settlementDate: string
  runType: string
  runNumber: number
  sandboxId: number | null
  status: 'queued' | 'running' | 'succeeded' | 'failed'
  ruleSetKey: string
  inputHash: string | null
  outputHash: string | null
  codeVersion: string | null
  periods: number | null
  totals: Record<string, number> | null
  error: string | null
  failedStage: string | null
  failedOrigin: string | null
  requestedBy: string
  queuedAt: string
  startedAt: string | null
  finishedAt: string | null
  timings: {
    loadMs: number | null
    computeMs: number | null
    persistMs: number | null
    totalMs: number | null
  }
}

export interface StageRow {
  position: number
  stageId: string
  origin: string
  scope: string
  title: string
  reference: string
  status: string
  ms: number | null
  processed: Record<string, number>
  indicators: Record<string, number>
  details: Record<string, string[]>
}

export interface LiveStage {
  stageId: string
  scope: 'period' | 'day'
  position: number
  status: string
  done: number
  total: number
  elapsedMs: number | null
  cpuMs: number | null
}

export interface Parameter {
  name: string
  value: unknown
  effectiveFrom: string
  unit: string
  reference: string
  file: string
}

export interface SystemPriceRow {
  settlementPeriod: number
  startTime: string
  systemSellPrice: number | null
  systemBuyPrice: number | null
  netImbalanceVolume: number | null
  priceDerivationCode: string | null
  reserveScarcityPrice: number | null
  replacementPrice: number | null
  bsadDefaulted: boolean | null
}

export type StackItem = Record<string, string | number | boolean | null>

export interface PartyTotal {
  partyId: string
  charges: Record<string, number | null>
}

export type TraceRow = Record<string, number | string | null>

export interface TraceResult {
  query: { frame: string; column?: string; period?: number; entity?: string }
  value: TraceRow
  stage: { id: string; title: string; reference: string; origin: string; scope: string }
  parameters: Parameter[]
  reads: { name: string; rows: TraceRow[]; total?: number }[]
  upstream: { id: string; reference: string; origin: string }[]
}

export interface TraceProp {
  request:
    | { kind: 'system_price'; period: number }
    | { kind: 'party_charge'; party: string; charge: string }
  result: TraceResult | null
  error: string | null
}

export interface ManifestSummary {
  ruleSetKey: string
  plugins: { id: string; version: number; overrides: string[]; adds: string[] }[]
  codeVersion: string
  inputHash: string
  outputHash: string
  outputHashMethod: string
  periods: number
  periodMinutes: number
  ranges: { first: number; last: number }[]
  pool: { owner: string; generation: number; parallelism: number }
  frames: number
}
