import type { QueryClientContract, TransactionClientContract } from '@adonisjs/lucid/types/database'

/**
 * The better-sqlite3 connection behind a Lucid client, for the few hot paths
 * where knex's per-query cost dominates: knex prepares every statement anew
 * (tens of microseconds each), better-sqlite3 can keep it prepared. The
 * connection is the one the client's queries use (a transaction's own, so its
 * uncommitted rows are seen), taken from and given back to knex's pool.
 */
export interface SqliteStatement {
  run(...bindings: unknown[]): unknown
  all(...bindings: unknown[]): unknown[]
}

interface SqliteDatabase {
  prepare(sql: string): SqliteStatement
}

interface KnexClient {
  acquireConnection(): Promise<unknown>
  releaseConnection(connection: unknown): Promise<unknown>
}

export function isSqlite(client: QueryClientContract): boolean {
  return client.dialect.name === 'better-sqlite3'
}

const statements = new WeakMap<SqliteDatabase, Map<string, SqliteStatement>>()

/** A statement prepared once per connection (cached by its SQL text). */
function prepared(connection: SqliteDatabase, sql: string): SqliteStatement {
  let cache = statements.get(connection)
  if (!cache) {
    cache = new Map()
    statements.set(connection, cache)
  }
  let statement = cache.get(sql)
  if (!statement) {
    statement = connection.prepare(sql)
    cache.set(sql, statement)
  }
  return statement
}

export interface SqliteStatements {
  /** Prepared once per connection and kept: for the few fixed statements of a hot path. */
  cached(sql: string): SqliteStatement
  /** Prepared for this use only (statements whose text varies, e.g. by row count). */
  prepare(sql: string): SqliteStatement
}

/**
 * Runs `use` with prepared statements on the client's SQLite connection. Only
 * for better-sqlite3 clients (see isSqlite). Statements run outside knex, which
 * would refuse a finished transaction: so is it refused here.
 */
export async function withSqliteStatements<T>(
  client: QueryClientContract,
  use: (statements: SqliteStatements) => T
): Promise<T> {
  if (!isSqlite(client)) throw new Error('withSqliteStatements needs a better-sqlite3 connection')
  if (client.isTransaction && (client as TransactionClientContract).isCompleted)
    throw new Error('the transaction has already been committed or rolled back')
  const knex = (client.isTransaction
    ? client.getWriteClient()
    : client.getReadClient()) as unknown as {
    client: KnexClient
  }
  const connection = (await knex.client.acquireConnection()) as SqliteDatabase
  try {
    return use({
      cached: (sql) => prepared(connection, sql),
      prepare: (sql) => connection.prepare(sql),
    })
  } finally {
    await knex.client.releaseConnection(connection)
  }
}

/**
 * Rows of a read query: on SQLite through a statement prepared once per
 * connection, elsewhere through the client as usual. For small, frequent
 * lookups (a request's data versions) where preparing costs more than running.
 */
export async function selectPrepared(
  client: QueryClientContract,
  sql: string,
  bindings: (string | number)[]
): Promise<Record<string, any>[]> {
  if (!isSqlite(client)) {
    const result = await client.rawQuery(sql, bindings)
    return result.rows
  }
  return withSqliteStatements(
    client,
    (sqlite) => sqlite.cached(sql).all(...bindings) as Record<string, any>[]
  )
}
