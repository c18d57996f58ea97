import type { ColumnFrame } from '#rules_runtime/stage'
import { csvLine } from '#core/csv/csv'
import { listRunFrames, loadRunFrames } from '#settlement/runs/frame_store'
import { findRun, type RunRow } from '#settlement/queries/runs'

/**
 * A party's settlement statement for one run, in the spirit of the SAA
 * settlement report (SAA-I014): the daily charges, then per period one line
 * per energy account (APD) and per BM Unit the party leads (BPD) with every
 * column of every account/BM Unit × period frame the run produced — a
 * Modification's new frames appear without code changes.
 */
export interface StatementLine {
  settlementPeriod: number
  values: Record<string, number | null>
}

export interface Statement {
  run: Pick<RunRow, 'id' | 'settlementDate' | 'runType' | 'runNumber' | 'ruleSetKey' | 'outputHash'>
  party: { partyId: string; partyName: string }
  dailyCharges: Record<string, number | null>
  accounts: { accountId: string; accountType: 'P' | 'C' | 'VBA'; lines: StatementLine[] }[]
  bmUnits: { bmUnitId: string; lines: StatementLine[] }[]
}

export class StatementNotFound extends Error {}

const value = (v: number) => (Number.isNaN(v) ? null : v)

/** Column names, prefixed with the frame name only where two frames share one. */
function columnKeys(frames: [string, ColumnFrame][]) {
  const seen = new Map<string, number>()
  for (const [, frame] of frames)
    for (const column of Object.keys(frame.columns)) seen.set(column, (seen.get(column) ?? 0) + 1)
  return frames.flatMap(([name, frame]) =>
    Object.keys(frame.columns).map((column) => ({
      frame,
      column,
      key: seen.get(column)! > 1 ? `${name}.${column}` : column,
    }))
  )
}

function linesFor(
  entity: number,
  count: number,
  periods: number,
  keys: ReturnType<typeof columnKeys>
) {
  return Array.from({ length: periods }, (_, slot) => {
    const values: Record<string, number | null> = {}
    for (const { frame, column, key } of keys)
      values[key] = value(frame.columns[column][slot * count + entity])
    return { settlementPeriod: slot + 1, values }
  })
}

export async function buildStatement(runId: number, partyId: string): Promise<Statement> {
  const run = await findRun(runId)
  if (!run || run.status !== 'succeeded' || !run.periods) throw new StatementNotFound()
  const stored = await listRunFrames(runId)
  const wanted = stored
    .filter((info) => info.perPeriod && (info.axis === 'account' || info.axis === 'bmUnit'))
    .map((info) => info.name)
  const frames = await loadRunFrames(runId, [
    ...wanted,
    'party_totals',
    'inputs.parties',
    'inputs.accounts',
    'inputs.bmUnits',
  ])
  const parties = frames['inputs.parties'].labels!
  const p = parties.id.indexOf(partyId)
  if (p < 0) throw new StatementNotFound()
  const accounts = frames['inputs.accounts']
  const units = frames['inputs.bmUnits']
  const byAxis = (axis: string) =>
    Object.entries(frames)
      .filter(([name, frame]) => wanted.includes(name) && frame.axis === axis)
      .sort(([a], [b]) => (a < b ? -1 : 1))
  const accountKeys = columnKeys(byAxis('account'))
  const unitKeys = columnKeys(byAxis('bmUnit'))
  const accountIds = accounts.labels!.id as string[]
  const unitIds = units.labels!.id as string[]
  const dailyCharges: Record<string, number | null> = {}
  for (const [charge, column] of Object.entries(frames.party_totals?.columns ?? {}))
    dailyCharges[charge] = value(column[p])
  return {
    run: {
      id: run.id,
      settlementDate: run.settlementDate,
      runType: run.runType,
      runNumber: run.runNumber,
      ruleSetKey: run.ruleSetKey,
      outputHash: run.outputHash,
    },
    party: { partyId, partyName: parties.name[p] ?? partyId },
    dailyCharges,
    accounts: accountIds.flatMap((accountId, a) =>
      accounts.columns.party[a] === p
        ? [
            {
              accountId,
              accountType: (['P', 'C', 'VBA'] as const)[accounts.columns.type[a]],
              lines: linesFor(a, accountIds.length, run.periods!, accountKeys),
            },
          ]
        : []
    ),
    bmUnits: unitIds.flatMap((bmUnitId, u) =>
      units.columns.leadParty[u] === p
        ? [{ bmUnitId, lines: linesFor(u, unitIds.length, run.periods!, unitKeys) }]
        : []
    ),
  }
}

/** CSV form: one value per row, record types DPC (daily party charge), APD (account period), BPD (BM Unit period). */
export function statementCsv(statement: Statement): string {
  const date = statement.run.settlementDate
  const rows = [
    csvLine(['recordType', 'settlementDate', 'settlementPeriod', 'id', 'quantity', 'value']),
  ]
  for (const [charge, amount] of Object.entries(statement.dailyCharges)) {
    rows.push(csvLine(['DPC', date, null, statement.party.partyId, charge, amount]))
  }
  const lines = (record: string, id: string, entityLines: StatementLine[]) => {
    for (const line of entityLines) {
      for (const [quantity, v] of Object.entries(line.values)) {
        rows.push(csvLine([record, date, line.settlementPeriod, id, quantity, v]))
      }
    }
  }
  for (const account of statement.accounts) lines('APD', account.accountId, account.lines)
  for (const unit of statement.bmUnits) lines('BPD', unit.bmUnitId, unit.lines)
  return rows.join('')
}
