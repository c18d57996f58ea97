import db from '@adonisjs/lucid/services/db'
import type { DatabaseQueryBuilderContract } from '@adonisjs/lucid/types/querybuilder'
import type { StackSide } from '#settlement/runs/result_tables'

/**
 * Published results of a run from the relational tables, in Insights field
 * names: system prices per period, the price stack of a period and side, and
 * daily party charges.
 */
const camelNames = new Map<string, string>()
/** Column → field name, remembered: a GB day's stacks are 70 000 rows of the same columns. */
function camelCase(name: string): string {
  let camel = camelNames.get(name)
  if (camel === undefined) {
    camel = name.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase())
    camelNames.set(name, camel)
  }
  return camel
}
const BOOLEAN_COLUMNS = new Set([
  'bsad_defaulted',
  'cadl_flag',
  'so_flag',
  'stor_provider_flag',
  'repriced_indicator',
])

function toApi(row: Record<string, any>, omit: string[] = ['run_id']) {
  const out: Record<string, unknown> = {}
  for (const [column, value] of Object.entries(row)) {
    if (omit.includes(column)) continue
    out[camelCase(column)] = BOOLEAN_COLUMNS.has(column) && value !== null ? Boolean(value) : value
  }
  return out
}

export async function systemPrices(runId: number, period?: number) {
  const query = db
    .from('settlement_system_prices')
    .where('run_id', runId)
    .orderBy('settlement_period')
  if (period !== undefined) query.where('settlement_period', period)
  const rows = await query
  return rows.map((row) => toApi(row))
}

export async function stack(runId: number, period: number, side: StackSide) {
  const rows = await db
    .from('settlement_stack_items')
    .where({ run_id: runId, settlement_period: period, side })
    .orderBy('sequence_number')
  return rows.map((row) => toApi(row, ['run_id', 'side']))
}

export interface PartyTotals {
  partyId: string
  charges: Record<string, number | null>
}

/**
 * Daily charges per party (one entry per party, charges by name). `scope`
 * narrows the rows, e.g. to what a user may see (scopeToParty).
 */
export async function partyTotals(
  runId: number,
  scope?: (query: DatabaseQueryBuilderContract) => void
): Promise<PartyTotals[]> {
  const query = db
    .from('settlement_party_charges')
    .where('run_id', runId)
    .orderBy('party_id')
    .orderBy('charge')
  scope?.(query)
  const byParty = new Map<string, PartyTotals>()
  for (const row of await query) {
    const entry: PartyTotals = byParty.get(row.party_id) ?? { partyId: row.party_id, charges: {} }
    entry.charges[row.charge] = row.amount === null ? null : Number(row.amount)
    byParty.set(row.party_id, entry)
  }
  return [...byParty.values()]
}

/**
 * Both stacks of every period of a run in one query (period, then offer
 * before bid, then rank): what a whole-day reader such as Insights needs.
 */
export async function dayStack(
  runId: number
): Promise<({ side: StackSide } & Record<string, unknown>)[]> {
  const rows = await db
    .from('settlement_stack_items')
    .where('run_id', runId)
    .orderBy('settlement_period')
    .orderBy('side', 'desc') // offer before bid
    .orderBy('sequence_number')
  return rows.map((row) => ({ side: row.side as StackSide, ...toApi(row, ['run_id', 'side']) }))
}
