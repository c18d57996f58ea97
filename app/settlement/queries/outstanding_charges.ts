import db from '@adonisjs/lucid/services/db'
import { roundMoney } from '#rules_runtime/rounding'
import { latestRun, type RunType } from '#settlement/runs/run_types'

/**
 * A party's Trading Charges that are not settled for good. There is no
 * payments ledger here, so "outstanding" means: for every settlement date
 * without a final run yet (no RF or DF), the party's net daily charge in
 * the latest invoiced run of that date (SF or a reconciliation; II is never
 * invoiced). Those amounts are invoiced and may still change, so they stand
 * between a party and its exit (customer.md §10.1). `amount` is what the
 * party owes over those days in pounds (positive = owed by the party,
 * negative = owed to it), with the days it pays and receives shown apart.
 * Sandbox runs never count.
 */
export interface PendingDay {
  settlementDate: string
  runId: number
  runType: RunType
  runNumber: number
  /** + = the party receives */
  net: number
}

export interface OutstandingCharges {
  /** + = owed by the party */
  amount: number
  payable: number
  receivable: number
  days: PendingDay[]
  detail: string
}

const FINAL: RunType[] = ['RF', 'DF']

export async function partyOutstandingCharges(partyId: string): Promise<OutstandingCharges> {
  const rows = await db
    .from('settlement_runs as r')
    .leftJoin('settlement_party_charges as c', (join) =>
      join.on('c.run_id', 'r.id').andOnVal('c.party_id', partyId).andOnVal('c.charge', 'net')
    )
    .whereNull('r.sandbox_id')
    .where('r.status', 'succeeded')
    .select('r.id', 'r.settlement_date', 'r.run_type', 'r.run_number', 'c.amount')
  const byDate = new Map<string, PendingDay[]>()
  for (const row of rows) {
    const day: PendingDay = {
      settlementDate: row.settlement_date,
      runId: Number(row.id),
      runType: row.run_type,
      runNumber: Number(row.run_number),
      net: row.amount === null ? 0 : Number(row.amount),
    }
    byDate.set(day.settlementDate, [...(byDate.get(day.settlementDate) ?? []), day])
  }
  const days: PendingDay[] = []
  for (const date of [...byDate.keys()].sort()) {
    const runs = byDate.get(date)!
    if (runs.some((run) => FINAL.includes(run.runType))) continue
    const latest = latestRun(runs)
    if (latest && latest.runType !== 'II') days.push(latest)
  }
  const payable = roundMoney(days.reduce((sum, day) => sum + Math.max(0, -day.net), 0))
  const receivable = roundMoney(days.reduce((sum, day) => sum + Math.max(0, day.net), 0))
  const amount = roundMoney(payable - receivable)
  return {
    amount,
    payable,
    receivable,
    days,
    detail: days.length
      ? `${days.length} settlement day(s) not final yet (no RF run): the party pays £${payable.toFixed(2)} and receives £${receivable.toFixed(2)} on the latest invoiced runs`
      : 'every invoiced settlement day has had its final (RF) run',
  }
}
