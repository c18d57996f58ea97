import db from '@adonisjs/lucid/services/db'
import type { ParameterSource } from '#rules_runtime/parameters'
import type { PartyActor } from '#core/auth/party_scope'
import { scopeToParty } from '#core/auth/party_scope'
import { seesAllParties } from '#core/auth/roles'
import { liveRun, type LiveRun } from '#settlement/runs/run_events'
import { partyTotals, stack, systemPrices } from './results.js'
import { runDetail, runStages, type StageRow } from './runs.js'

/**
 * Everything the run page shows, read for one viewer: the manifest, the
 * parameters with their effective dates, the stages (live while this
 * process executes the run), system prices and NIV, party totals (a party
 * user sees only its own), and on request one period's stacks. Stage
 * details name BM Units of every party, so only BSC staff get them.
 */
const SYSTEM_PRICE_FIELDS = [
  'settlementPeriod',
  'startTime',
  'systemSellPrice',
  'systemBuyPrice',
  'netImbalanceVolume',
  'priceDerivationCode',
  'reserveScarcityPrice',
  'replacementPrice',
  'bsadDefaulted',
] as const

function manifestSummary(manifest: Record<string, any> | null) {
  if (!manifest) return null
  return {
    ruleSetKey: manifest.ruleSetKey as string,
    plugins: ((manifest.ruleSet?.plugins ?? []) as Record<string, any>[]).map((plugin) => ({
      id: plugin.id as string,
      version: plugin.version as number,
      overrides: plugin.overrides as string[],
      adds: ((plugin.adds ?? []) as { stageId: string }[]).map((add) => add.stageId),
    })),
    codeVersion: manifest.codeVersion as string,
    inputHash: manifest.inputHash as string,
    outputHash: manifest.outputHash as string,
    outputHashMethod: manifest.outputHashMethod as string,
    periods: manifest.periods as number,
    periodMinutes: manifest.periodMinutes as number,
    ranges: manifest.ranges as { first: number; last: number }[],
    pool: manifest.pool as { owner: string; generation: number; parallelism: number },
    frames: ((manifest.frames ?? []) as unknown[]).length,
  }
}

export function parameterList(parameters: Record<string, ParameterSource> | null) {
  return Object.entries(parameters ?? {})
    .map(([name, source]) => ({ name, ...source }))
    .sort((a, b) => a.name.localeCompare(b.name))
}

function visibleStages(stages: StageRow[], staff: boolean) {
  return staff ? stages : stages.map((stage) => ({ ...stage, details: {} }))
}

export interface RunPageRequest {
  period?: number
}

export async function runPage(runId: number, viewer: PartyActor, request: RunPageRequest) {
  const detail = await runDetail(runId)
  if (!detail) return null
  const { manifest, parameters, stages, ...run } = detail
  const staff = seesAllParties(viewer.role)
  const live: LiveRun | null = liveRun(runId) ?? null
  const prices = run.status === 'succeeded' ? await systemPrices(runId) : []
  const period =
    request.period !== undefined && run.periods !== null && request.period <= run.periods
      ? request.period
      : null
  return {
    run,
    manifest: manifestSummary(manifest),
    parameters: parameterList(parameters),
    stages: visibleStages(stages, staff),
    live,
    systemPrices: prices.map((row) =>
      Object.fromEntries(SYSTEM_PRICE_FIELDS.map((field) => [field, row[field] ?? null]))
    ),
    partyTotals:
      run.status === 'succeeded'
        ? await partyTotals(runId, (query) => scopeToParty(query, viewer))
        : [],
    period,
    stacks:
      period !== null && run.status === 'succeeded'
        ? { offer: await stack(runId, period, 'offer'), bid: await stack(runId, period, 'bid') }
        : null,
    viewer: { staff, partyId: viewer.partyId },
  }
}

/** Stage rows of a run as the SSE snapshot sends them when the run is not live here. */
export async function storedStages(runId: number) {
  const stages = await runStages(runId)
  return stages.map((stage) => ({
    stageId: stage.stageId,
    scope: stage.scope as 'period' | 'day',
    position: stage.position,
    status: stage.status,
    done: 0,
    total: 0,
    elapsedMs: null,
    cpuMs: stage.ms,
  }))
}

/** The runs a page may offer to compare or open: the latest first. */
export async function recentSucceededRuns(limit = 200) {
  const rows = await db
    .from('settlement_runs')
    .whereNull('sandbox_id')
    .where('status', 'succeeded')
    .orderBy('settlement_date', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .select('id', 'settlement_date', 'run_type', 'run_number', 'rule_set_key')
  return rows.map((row) => ({
    id: Number(row.id),
    settlementDate: row.settlement_date as string,
    runType: row.run_type as string,
    runNumber: Number(row.run_number),
    ruleSetKey: row.rule_set_key as string,
  }))
}
