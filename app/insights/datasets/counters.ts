import type { TransactionClientContract } from '@adonisjs/lucid/types/database'

/**
 * Next value of a named counter, inside the caller's transaction. On
 * PostgreSQL the increment holds the row lock until commit, so two writers of
 * the same counter commit in the order of their numbers: a reader that has
 * seen number n never later sees a smaller one appear.
 */
export async function nextCounter(trx: TransactionClientContract, name: string): Promise<number> {
  await trx.table('insights_counters').insert({ name, value: 0 }).onConflict('name').ignore()
  await trx.from('insights_counters').where('name', name).increment('value', 1)
  const row = await trx.from('insights_counters').where('name', name).select('value').first()
  return Number(row.value)
}
