import db from '@adonisjs/lucid/services/db'
import type { Statement, StatementLine } from '#settlement/actions/build_statement'
import { latestRun, type RunType } from '#settlement/runs/run_types'

/**
 * The statements pages: a party's statements (one per run it was charged
 * in, the latest view of each date marked), and one statement cut down to
 * what a page can show — the daily charges and the period lines of one
 * energy account or BM Unit at a time (a large party leads dozens).
 */
export interface StatementSummary {
  runId: number
  settlementDate: string
  runType: RunType
  runNumber: number
  net: number | null
  latest: boolean
}

export async function partyStatements(partyId: string, limit = 200): Promise<StatementSummary[]> {
  const rows = await db
    .from('settlement_runs as r')
    .join('settlement_party_charges as c', 'c.run_id', 'r.id')
    .whereNull('r.sandbox_id')
    .where('r.status', 'succeeded')
    .where('c.party_id', partyId)
    .where('c.charge', 'net')
    .orderBy('r.settlement_date', 'desc')
    .orderBy('r.id', 'desc')
    .limit(limit)
    .select('r.id', 'r.settlement_date', 'r.run_type', 'r.run_number', 'c.amount')
  const summaries: StatementSummary[] = rows.map((row) => ({
    runId: Number(row.id),
    settlementDate: row.settlement_date,
    runType: row.run_type,
    runNumber: Number(row.run_number),
    net: row.amount === null ? null : Number(row.amount),
    latest: false,
  }))
  const byDate = new Map<string, StatementSummary[]>()
  for (const summary of summaries)
    byDate.set(summary.settlementDate, [...(byDate.get(summary.settlementDate) ?? []), summary])
  for (const runs of byDate.values()) latestRun(runs)!.latest = true
  return summaries
}

export async function settlementParties() {
  const rows = await db.from('settlement_parties').orderBy('party_id').select('party_id', 'name')
  return rows.map((row) => ({ partyId: row.party_id as string, name: row.name as string }))
}

export interface StatementEntity {
  kind: 'account' | 'bmUnit'
  id: string
  /** P, C or VBA for an account */
  accountType: string | null
}

/** The statement with the lines of one account or BM Unit (the first when none or an unknown one is asked for). */
export function statementView(statement: Statement, entityId?: string) {
  const entities: StatementEntity[] = [
    ...statement.accounts.map((a) => ({
      kind: 'account' as const,
      id: a.accountId,
      accountType: a.accountType,
    })),
    ...statement.bmUnits.map((u) => ({
      kind: 'bmUnit' as const,
      id: u.bmUnitId,
      accountType: null,
    })),
  ]
  const all = [
    ...statement.accounts.map((a) => ({ id: a.accountId, lines: a.lines })),
    ...statement.bmUnits.map((u) => ({ id: u.bmUnitId, lines: u.lines })),
  ]
  const chosen = all.find((entry) => entry.id === entityId) ?? all[0]
  const lines: StatementLine[] = chosen?.lines ?? []
  return {
    run: statement.run,
    party: statement.party,
    dailyCharges: statement.dailyCharges,
    entities,
    entity: chosen ? entities.find((e) => e.id === chosen.id)! : null,
    columns: lines.length ? Object.keys(lines[0].values) : [],
    lines,
  }
}
