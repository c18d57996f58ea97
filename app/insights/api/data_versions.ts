/**
 * The data versions responses are cached by (insights_dataset_days, README
 * "Storage"), kept in memory between requests while nothing can have changed
 * them: reading them from the database for every request cost more than all
 * the rest of a cache hit (a pooled connection per lookup). A kept value is
 * reused only while
 *   - this process has written none of its datasets since (local_writes), and
 *   - on SQLite, no connection has committed anything since: `PRAGMA
 *     data_version` on a private read-only connection changes with every
 *     commit, this process's and every other process's.
 * PostgreSQL has no such counter: there the versions are read every time.
 * Values read inside a transaction (tests run in one) are never kept: it may
 * roll back.
 */
import { createRequire } from 'node:module'
import db from '@adonisjs/lucid/services/db'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import { isSqlite, selectPrepared } from '#core/db/sqlite_connection'
import { writesTo } from '#insights/datasets/local_writes'

interface ReadOnlySqlite {
  prepare(sql: string): { pluck(): { get(): unknown } }
}
const openSqlite = createRequire(import.meta.url)('better-sqlite3') as new (
  filename: string,
  options: { readonly: boolean; fileMustExist: boolean }
) => ReadOnlySqlite

const MAX_KEPT = 1000
const kept = new Map<string, { token: string; value: string }>()

/** Counts commits to the SQLite file; null on PostgreSQL or an in-memory database. */
let commitCount: (() => number) | null | undefined

function commitCounter(client: QueryClientContract): (() => number) | null {
  if (commitCount !== undefined) return commitCount
  const filename = (
    db.getRawConnection(client.connectionName)?.config.connection as { filename?: string }
  )?.filename
  if (!isSqlite(client) || !filename || filename === ':memory:') {
    commitCount = null
    return null
  }
  const statement = new openSqlite(filename, { readonly: true, fileMustExist: true })
    .prepare('PRAGMA data_version')
    .pluck()
  commitCount = () => statement.get() as number
  return commitCount
}

let nextCount: Promise<number> | null = null

/**
 * The commit count read after this call: requests arriving in the same turn of
 * the event loop share one read (three system calls under load cost more than
 * the rest of a cache hit). Read after every one of them arrived, it sees every
 * commit made before any of them was sent.
 */
function commitCountAfterNow(count: () => number): Promise<number> {
  nextCount ??= new Promise((resolve, reject) =>
    setImmediate(() => {
      nextCount = null
      try {
        resolve(count())
      } catch (error) {
        reject(error)
      }
    })
  )
  return nextCount
}

async function remembered(
  key: string,
  datasets: string[],
  read: (client: QueryClientContract) => Promise<string>
): Promise<string> {
  const client = db.connection()
  const counter = client.isTransaction ? null : commitCounter(client)
  if (!counter) return read(client)
  // Taken before reading: a commit landing meanwhile makes the next request read again.
  const commits = await commitCountAfterNow(counter)
  const token = `${writesTo(datasets)}|${commits}`
  const hit = kept.get(key)
  if (hit?.token === token) return hit.value
  const value = await read(client)
  kept.delete(key)
  if (kept.size >= MAX_KEPT) kept.delete(kept.keys().next().value!)
  kept.set(key, { token, value })
  return value
}

const placeholders = (count: number) => new Array(count).fill('?').join(',')

/** The versions of datasets' days from `from` to `to` ('*' for reference data), as one string. */
export function dayVersions(datasets: string[], from: string, to: string): Promise<string> {
  return remembered(`days\u0000${datasets}\u0000${from}\u0000${to}`, datasets, async (client) => {
    const rows = await selectPrepared(
      client,
      `SELECT dataset, day, version FROM insights_dataset_days
        WHERE dataset IN (${placeholders(datasets.length)}) AND day >= ? AND day <= ?
        ORDER BY dataset, day`,
      [...datasets, from, to]
    )
    const stored = rows.map((row) => `${row.dataset}${row.day}:${row.version}`).join(',')
    return `${writesTo(datasets)}|${stored}`
  })
}

/** A value that changes whenever any day of these datasets changes (versions only ever grow). */
export function datasetVersion(datasets: string[]): Promise<string> {
  return remembered(`all\u0000${datasets}`, datasets, async (client) => {
    const [row] = await selectPrepared(
      client,
      `SELECT sum(version) AS total, count(*) AS days FROM insights_dataset_days
        WHERE dataset IN (${placeholders(datasets.length)})`,
      datasets
    )
    return `${writesTo(datasets)}|${row?.total ?? 0}/${row?.days ?? 0}`
  })
}

/** The latest settlement date holding rows of a dataset ('0000-00-00' when none). */
export function latestDay(dataset: string): Promise<string> {
  return remembered(`latest\u0000${dataset}`, [dataset], async (client) => {
    const [row] = await selectPrepared(
      client,
      `SELECT max(day) AS day FROM insights_dataset_days WHERE dataset = ? AND day <> '*'`,
      [dataset]
    )
    return row?.day ?? '0000-00-00'
  })
}
