/** Props of the sandbox pages, as the server sends them (app/settlement/sandboxes). */
export interface Sandbox {
  id: number
  name: string
  description: string | null
  owner: string
  pluginIds: string[]
  ruleSetKey: string
  maxParallelTasks: number
  status: 'created' | 'running' | 'succeeded' | 'failed'
  createdAt: string
  updatedAt: string
}

export interface Delta {
  production: number | null
  trial: number | null
  delta: number | null
}

export interface ComparedRun {
  id: number
  runType: string
  runNumber: number
  ruleSetKey: string
  periods: number | null
  periodMinutes: number
  inputHash: string | null
  outputHash: string | null
}

export type PeriodValues = Record<
  | 'systemSellPrice'
  | 'systemBuyPrice'
  | 'netImbalanceVolume'
  | 'totalAcceptedOfferVolume'
  | 'totalAcceptedBidVolume',
  number | null
>

export interface DayComparison {
  settlementDate: string
  trialRun: ComparedRun | null
  productionRun: ComparedRun | null
  sameSource: boolean | null
  totals: ({ key: string } & Delta)[]
  parties: ({ partyId: string; charge: string } & Delta)[]
  bmUnits: ({ bmUnit: string; frame: string; column: string } & Delta)[]
  periods: {
    startTime: string
    settlementPeriod: number
    trialPeriods: number
    production: PeriodValues
    trial: PeriodValues
  }[]
}

export interface SandboxComparison {
  sandbox: { id: number; name: string; ruleSetKey: string }
  pricesNote: string
  bmUnitsNote: string
  ignored: { output: string; reason: string }[]
  days: DayComparison[]
}
