/**
 * Bulk inserts for the demo writer, inside the caller's transaction.
 * SQLite: multi-row `INSERT … VALUES` within its 32,766 bound values (raw
 * SQL, because knex renders SQLite multi-row inserts as a compound SELECT of
 * at most 500 rows and spends most of a GB-scale seed building it).
 * PostgreSQL: one array per column through `unnest`, about three times
 * faster than VALUES lists. Rows are mapped one chunk at a time.
 */
import { DateTime } from 'luxon'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type { RawQueryBindings } from '@adonisjs/lucid/types/querybuilder'

export async function insertChunked<T extends object>(
  trx: TransactionClientContract,
  table: string,
  items: T[],
  toRow: (item: T) => Record<string, unknown> = (item) => item as Record<string, unknown>
): Promise<void> {
  if (items.length === 0) return
  const columns = Object.keys(toRow(items[0]))
  const names = columns.map((c) => `"${c}"`).join(', ')
  if (trx.dialect.name === 'postgres') {
    const types = await columnTypes(trx, table)
    const arrays = columns.map((c) => `?::${types.get(c)}[]`).join(', ')
    for (let i = 0; i < items.length; i += 20_000) {
      const rows = items.slice(i, i + 20_000).map(toRow)
      const sql = `insert into "${table}" (${names}) select * from unnest(${arrays})`
      // Arrays may hold nulls, which Lucid's binding type leaves out but both drivers take.
      await trx.rawQuery(sql, columns.map((c) => rows.map((row) => row[c])) as RawQueryBindings)
    }
    return
  }
  // SQLite compiles each statement afresh: moderate statements insert fastest.
  const size = Math.floor(8_000 / columns.length)
  const tuple = `(${columns.map(() => '?').join(', ')})`
  for (let i = 0; i < items.length; i += size) {
    const rows = items.slice(i, i + size).map(toRow)
    const sql = `insert into "${table}" (${names}) values ${new Array(rows.length).fill(tuple).join(', ')}`
    await trx.rawQuery(sql, rows.flatMap((row) => columns.map((c) => row[c])) as RawQueryBindings)
  }
}

/** PostgreSQL type of each column (`int4`, `float8`, `varchar`, `bool`…), for the array casts. */
async function columnTypes(trx: TransactionClientContract, table: string) {
  const rows = await trx
    .from('information_schema.columns')
    .where('table_name', table)
    .whereRaw('table_schema = current_schema()')
    .select('column_name', 'udt_name')
  return new Map(rows.map((row) => [row.column_name as string, row.udt_name as string]))
}

/** A timestamp as Lucid models write them, so the models read the rows back. */
export function timestamp(trx: TransactionClientContract): string {
  return DateTime.now().toFormat(trx.dialect.dateTimeFormat)
}
