import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import { isSqlite, withSqliteStatements, type SqliteStatement } from './sqlite_connection.js'

/**
 * Multi-row `INSERT … VALUES (…), (…)` in chunks, for the hundreds of
 * thousands of rows an import, a settlement run or an Insights ingestion writes. Plain SQL that SQLite and
 * PostgreSQL both accept (knex's own multi-insert uses UNION ALL on SQLite,
 * limited to 500 rows). Inside a transaction on SQLite the statements are
 * prepared once and re-run through the driver: with a 70 000-row stack, parsing
 * one giant statement per chunk (knex raw) costs more than the writes.
 * With `conflict`, rows whose key exists update every other column (upsert).
 */
export interface RowSet {
  columns: string[]
  rows: unknown[][]
}

const MAX_VARIABLES = 30_000
/** Measured on SQLite: a few hundred rows per statement beats both single rows and huge statements. */
const MAX_ROWS = 250

const quote = (name: string) => `"${name}"`

/** Objects with the same keys → columns and value arrays. */
export function rowSet(objects: Record<string, unknown>[]): RowSet {
  const columns = objects.length ? Object.keys(objects[0]) : []
  return { columns, rows: objects.map((object) => columns.map((column) => object[column])) }
}

function statement(
  table: string,
  columns: string[],
  rowCount: number,
  conflict?: string[]
): string {
  const perRow = `(${columns.map(() => '?').join(',')})`
  const updates = columns.filter((column) => !conflict?.includes(column))
  const upsert = conflict
    ? ` ON CONFLICT (${conflict.map(quote).join(',')}) DO UPDATE SET ${updates
        .map((column) => `${quote(column)} = excluded.${quote(column)}`)
        .join(', ')}`
    : ''
  return `INSERT INTO ${quote(table)} (${columns.map(quote).join(',')}) VALUES ${new Array(rowCount).fill(perRow).join(',')}${upsert}`
}

/** better-sqlite3 binds numbers, strings, bigints, buffers and null only. */
const sqliteValue = (value: unknown) =>
  value === undefined ? null : typeof value === 'boolean' ? Number(value) : value

export async function bulkInsert(
  client: QueryClientContract,
  table: string,
  set: RowSet,
  options: { conflict?: string[] } = {}
): Promise<void> {
  const { columns, rows } = set
  if (rows.length === 0) return
  const size = Math.max(1, Math.min(MAX_ROWS, Math.floor(MAX_VARIABLES / columns.length)))
  const texts = new Map<number, string>()
  const chunks = function* () {
    for (let start = 0; start < rows.length; start += size) {
      const chunk = rows.slice(start, start + size)
      const bindings: unknown[] = new Array(chunk.length * columns.length)
      let at = 0
      for (const row of chunk)
        for (let c = 0; c < columns.length; c++) bindings[at++] = row[c] ?? null
      let sql = texts.get(chunk.length)
      if (sql === undefined) {
        sql = statement(table, columns, chunk.length, options.conflict)
        texts.set(chunk.length, sql)
      }
      yield { sql, bindings }
    }
  }
  if (isSqlite(client) && client.isTransaction) {
    await withSqliteStatements(client, (sqlite) => {
      const prepared = new Map<string, SqliteStatement>()
      for (const { sql, bindings } of chunks()) {
        let insert = prepared.get(sql)
        if (!insert) {
          insert = sqlite.prepare(sql)
          prepared.set(sql, insert)
        }
        insert.run(bindings.map(sqliteValue))
      }
    })
    return
  }
  for (const { sql, bindings } of chunks()) await client.rawQuery(sql, bindings as any[])
}
