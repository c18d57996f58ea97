import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import db from '@adonisjs/lucid/services/db'
import type { ParameterKind } from '#customer/reference/parameters'

/**
 * Every dated value of some parameters, loaded once, answering "the value in
 * force on a day" without a query per day (BSC charges walk month by month).
 */
export async function parameterHistory(kinds: ParameterKind[], trx?: TransactionClientContract) {
  const rows = await (trx ?? db)
    .from('customer_lead_time_rules')
    .whereIn('kind', kinds)
    .orderBy('effective_from', 'desc')
    .select('kind', 'value', 'effective_from')
  return (kind: ParameterKind, onDate: string): number | null => {
    const row = rows.find((r: any) => r.kind === kind && r.effective_from <= onDate)
    return row ? Number(row.value) : null
  }
}
