import type { QueryClientContract } from '@adonisjs/lucid/types/database'

/**
 * Multi-row `INSERT … VALUES (…), (…)` in chunks, for the hundreds of
 * thousands of rows an import or a run writes. Plain SQL that SQLite and
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

interface SqliteStatement {
  run(...bindings: unknown[]): unknown
}

/** The better-sqlite3 connection a transaction holds, or null on any other driver or outside a transaction. */
async function sqliteConnection(client: QueryClientContract) {
  if (client.dialect.name !== 'better-sqlite3' || !client.isTransaction) return null
  const transaction = client.getWriteClient() as unknown as {
    client: { acquireConnection(): Promise<unknown> }
  }
  return (await transaction.client.acquireConnection()) as { prepare(sql: string): SqliteStatement }
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
  const sqlite = await sqliteConnection(client)
  const prepared = new Map<number, SqliteStatement>()
  for (let start = 0; start < rows.length; start += size) {
    const chunk = rows.slice(start, start + size)
    const bindings: unknown[] = new Array(chunk.length * columns.length)
    let at = 0
    for (const row of chunk)
      for (let c = 0; c < columns.length; c++) bindings[at++] = row[c] ?? null
    if (sqlite) {
      let prepare = prepared.get(chunk.length)
      if (!prepare) {
        prepare = sqlite.prepare(statement(table, columns, chunk.length, options.conflict))
        prepared.set(chunk.length, prepare)
      }
      prepare.run(bindings.map(sqliteValue))
    } else {
      await client.rawQuery(
        statement(table, columns, chunk.length, options.conflict),
        bindings as any[]
      )
    }
  }
}
