import db from '@adonisjs/lucid/services/db'
import { publishedTotal } from '#settlement/runs/result_tables'
import { listRunFrames, loadRunFrames } from '#settlement/runs/frame_store'
import { latestRunFor, toRunRow, type RunRow } from '#settlement/queries/runs'
import { partyTotals } from '#settlement/queries/results'
import { defaultRuntime, type SettlementRuntime } from '#settlement/runs/runtime'
import { ignoredBy } from '#settlement/parallel/compare_outputs'
import type { ParallelRunPolicy } from '#rules_runtime/manifest'
import { comparePeriods, type PeriodPoint } from './compare_periods.js'
import { findSandbox, sandboxDays, SandboxError, type Sandbox } from './sandbox_queries.js'

/**
 * A trial against production, day by day (issue 4 §6): the trial's latest
 * run against production's latest of the same date (of the same run type
 * when production has one). Daily figures compare directly — run totals,
 * each party's charges, each BM Unit's daily sum of every BM Unit frame
 * column. Per-period series are put on production's periods by start time:
 * a 15- or 5-minute trial's volumes are summed into the half hour, its
 * prices averaged (a mean of shorter-period prices is a guide, not a
 * settlement price: they are not comparable one for one). BM Unit columns
 * the trial's plugins declare ignorable in a parallel run (per-period
 * factors and flags, with their reasons) are left out, as there.
 */
export interface Delta {
  production: number | null
  trial: number | null
  delta: number | null
}

type RunRef = Pick<
  RunRow,
  'id' | 'runType' | 'runNumber' | 'ruleSetKey' | 'periods' | 'inputHash' | 'outputHash'
>

export interface DayComparison {
  settlementDate: string
  trialRun: (RunRef & { periodMinutes: number }) | null
  productionRun: (RunRef & { periodMinutes: number }) | null
  /** production's run read the inputs the trial copied */
  sameSource: boolean | null
  totals: ({ key: string } & Delta)[]
  parties: ({ partyId: string; charge: string } & Delta)[]
  bmUnits: ({ bmUnit: string; frame: string; column: string } & Delta)[]
  periods: PeriodPoint[]
}

export interface SandboxComparison {
  sandbox: Pick<Sandbox, 'id' | 'name' | 'ruleSetKey'>
  pricesNote: string
  bmUnitsNote: string
  /** BM Unit outputs not compared: the trial's plugins' parallel-run ignores */
  ignored: ParallelRunPolicy['ignore']
  days: DayComparison[]
}

const TOLERANCE = 1e-9
const TOP_BM_UNITS = 50

const delta = (production: number | null, trial: number | null): Delta => ({
  production,
  trial,
  delta: production === null || trial === null ? null : trial - production,
})

async function productionRunFor(date: string, runType: string): Promise<RunRow | null> {
  const sameType = await db
    .from('settlement_runs')
    .whereNull('sandbox_id')
    .where({ settlement_date: date, run_type: runType, status: 'succeeded' })
    .orderBy('run_number', 'desc')
    .first()
  return sameType ? toRunRow(sameType) : latestRunFor(date)
}

async function periodMinutes(runId: number): Promise<number> {
  const row = await db.from('settlement_runs').where('id', runId).select('period_minutes').first()
  return Number(row.period_minutes)
}

async function ref(run: RunRow | null) {
  if (!run) return null
  const { id, runType, runNumber, ruleSetKey, periods, inputHash, outputHash } = run
  const minutes = await periodMinutes(id)
  return {
    id,
    runType,
    runNumber,
    ruleSetKey,
    periods,
    inputHash,
    outputHash,
    periodMinutes: minutes,
  }
}

function compareTotals(production: RunRow | null, trial: RunRow | null) {
  const keys = new Set([
    ...Object.keys(production?.totals ?? {}),
    ...Object.keys(trial?.totals ?? {}),
  ])
  return [...keys].sort().map((key) => {
    const entry = delta(production?.totals?.[key] ?? null, trial?.totals?.[key] ?? null)
    return { key, ...entry, delta: entry.delta === null ? null : publishedTotal(key, entry.delta) }
  })
}

async function compareParties(production: RunRow | null, trial: RunRow | null) {
  const a = production ? await partyTotals(production.id) : []
  const b = trial ? await partyTotals(trial.id) : []
  const rows = new Map<string, { partyId: string; charge: string } & Delta>()
  const put = (list: typeof a, side: 'production' | 'trial') => {
    for (const { partyId, charges } of list) {
      for (const [charge, amount] of Object.entries(charges)) {
        const key = `${partyId}\0${charge}`
        const row = rows.get(key) ?? { partyId, charge, ...delta(null, null) }
        row[side] = amount
        rows.set(key, row)
      }
    }
  }
  put(a, 'production')
  put(b, 'trial')
  return [...rows.values()]
    .map((row) => ({ ...row, ...delta(row.production, row.trial) }))
    .sort((x, y) => x.partyId.localeCompare(y.partyId) || x.charge.localeCompare(y.charge))
}

/** Daily sum per BM Unit of every real-valued column (not flags or indices) of the run's BM Unit frames. */
async function bmUnitTotals(runId: number): Promise<Map<string, number>> {
  const listed = await listRunFrames(runId)
  const stored = listed.filter((f) => f.axis === 'bmUnit' && !f.name.startsWith('inputs.'))
  const frames = await loadRunFrames(runId, [...stored.map((f) => f.name), 'inputs.bmUnits'])
  const ids = frames['inputs.bmUnits'].labels!.id as string[]
  const totals = new Map<string, number>()
  for (const { name, columns } of stored) {
    for (const column of columns.filter((c) => c.type === 'f64').map((c) => c.name)) {
      const values = frames[name].columns[column]
      for (const [at, value] of values.entries()) {
        if (Number.isNaN(value)) continue
        const key = `${ids[at % ids.length]}\0${name}\0${column}`
        totals.set(key, (totals.get(key) ?? 0) + value)
      }
    }
  }
  return totals
}

async function compareBmUnits(
  production: RunRow | null,
  trial: RunRow | null,
  policy: ParallelRunPolicy
) {
  const a = production ? await bmUnitTotals(production.id) : new Map<string, number>()
  const b = trial ? await bmUnitTotals(trial.id) : new Map<string, number>()
  return [...new Set([...a.keys(), ...b.keys()])]
    .map((key) => {
      const [bmUnit, frame, column] = key.split('\0')
      return { bmUnit, frame, column, ...delta(a.get(key) ?? null, b.get(key) ?? null) }
    })
    .filter((row) => !ignoredBy(policy, row.frame, row.column))
    .filter((row) => row.delta === null || Math.abs(row.delta) > TOLERANCE)
    .sort((x, y) => Math.abs(y.delta ?? Infinity) - Math.abs(x.delta ?? Infinity))
    .slice(0, TOP_BM_UNITS)
}

/** What the trial's plugins declare a parallel run may ignore, together. */
function trialPolicy(sandbox: Sandbox, runtime: SettlementRuntime): ParallelRunPolicy {
  const ignore = sandbox.pluginIds.flatMap(
    (id) => runtime.registry.plugin(id)?.manifest?.parallelRun.ignore ?? []
  )
  return { tolerances: { default: 0 }, ignore }
}

export async function compareSandbox(
  sandboxId: number,
  runtime: SettlementRuntime = defaultRuntime()
): Promise<SandboxComparison> {
  const sandbox = await findSandbox(sandboxId)
  if (!sandbox) throw new SandboxError('sandbox', `No sandbox ${sandboxId}`)
  const policy = trialPolicy(sandbox, runtime)
  const days: DayComparison[] = []
  for (const day of await sandboxDays(sandbox.id)) {
    const trial = await latestRunFor(day.settlementDate, sandbox.id)
    const production = await productionRunFor(day.settlementDate, trial?.runType ?? 'SF')
    const trialRun = await ref(trial)
    const productionRun = await ref(production)
    days.push({
      settlementDate: day.settlementDate,
      trialRun,
      productionRun,
      sameSource: production ? production.inputHash === day.inputHash : null,
      totals: compareTotals(production, trial),
      parties: await compareParties(production, trial),
      bmUnits: await compareBmUnits(production, trial, policy),
      periods: await comparePeriods(production, trial, productionRun?.periodMinutes ?? 30),
    })
  }
  return {
    sandbox: { id: sandbox.id, name: sandbox.name, ruleSetKey: sandbox.ruleSetKey },
    pricesNote:
      'Where the trial settles in shorter periods, its volumes are summed into each production period and its prices are the mean of its periods there: a guide, not a comparable settlement price.',
    bmUnitsNote:
      "Daily sums per BM Unit of every real-valued column: volumes (MWh) and cashflows (£) compare directly. Columns the trial's plugins declare not comparable (per-period factors and flags, which add up once per period) are left out.",
    ignored: policy.ignore,
    days,
  }
}
