/*
| Insights ingestion benchmark on the GB-scale demo day (3,500 BM Units): the outputs of one
| settlement run (system prices, ~70k stack items, indicative volumes and cashflows, acceptance
| volumes) read through settlement's public index, built and written in one transaction
| (target: well under 2 s on SQLite). Beside it, the reference measured in the same run: SQLite
| alone inserting the same rows, same columns and indexes, through one prepared statement,
| nothing else (the floor any ingestion into this table pays).
| Seeds its own SQLite file (tmp/bench-insights-ingest.sqlite3) and one SF run on first use.
| Prints figures, asserts nothing.
|   node --import=@poppinss/ts-exec tests/benchmarks/insights_ingest.ts
*/
import { availableParallelism, loadavg } from 'node:os'
import { ace, bootOnGbDay, GB_DATE, median, ms } from './_gb_day.js'

const DATE = GB_DATE
const FILE = 'tmp/bench-insights-ingest.sqlite3'
const ROUNDS = 5

const { app, db } = await bootOnGbDay(FILE)
const settlement = await import('#settlement/index')
const { ingestSettlementRun } = await import('#insights/actions/ingest_settlement_run')
let run = await settlement.latestRunFor(DATE)
if (!run) {
  console.log('Running settlement once for the day (SF)…')
  ace('settlement:run', '--date', DATE, '--type', 'SF')
  run = await settlement.latestRunFor(DATE)
}
const completed = { runId: run!.id, settlementDate: DATE, runType: run!.runType, sandboxId: null }

/** Forgets what Insights holds of the run, so it can be ingested again. */
async function forget() {
  const held = await db.from('insights_runs').where('settlement_run_id', String(completed.runId))
  for (const { id } of held) await db.from('insights_rows').where('run_id', id).delete()
  await db.from('insights_runs').where('settlement_run_id', String(completed.runId)).delete()
}

console.log(
  `\n${availableParallelism()} cores, load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')} (figures are only comparable on a quiet machine)`
)
const totals: number[] = []
const parts = { read: [] as number[], build: [] as number[], write: [] as number[] }
let rows = 0
for (let round = 0; round <= ROUNDS; round++) {
  await forget()
  const started = performance.now()
  const outcome = await ingestSettlementRun(completed)
  const total = performance.now() - started
  if (outcome.status !== 'ingested') throw new Error(`not ingested: ${outcome.reason}`)
  if (round === 0) {
    rows = Object.values(outcome.datasets).reduce((sum, count) => sum + count, 0)
    console.log(`Ingesting run ${completed.runId} (${run!.runType} ${DATE}): ${rows} rows`)
    console.log(
      '  ' +
        Object.entries(outcome.datasets)
          .map(([code, c]) => `${code} ${c}`)
          .join(', ')
    )
    continue // warm-up
  }
  totals.push(total)
  for (const key of ['read', 'build', 'write'] as const) parts[key].push(outcome.ms[key])
}
const again = performance.now()
const repeat = await ingestSettlementRun(completed)
const againMs = performance.now() - again

console.log(
  `  total: median ${ms(median(totals))}, best ${ms(Math.min(...totals))} over ${ROUNDS} rounds (target well under 2000 ms)`
)
console.log(
  `  median parts: read from settlement ${ms(median(parts.read))}, build rows ${ms(median(parts.build))}, write (one transaction) ${ms(median(parts.write))}`
)
console.log(`  the same event again: ${repeat.status} in ${ms(againMs)}`)

// The floor: the run's rows as stored, inserted again by SQLite alone into a copy of the table.
const { withSqliteStatements } = await import('#core/db/sqlite_connection')
const { id: insightsRun } = await db
  .from('insights_runs')
  .where('settlement_run_id', String(completed.runId))
  .firstOrFail()
const COLUMNS =
  'dataset, run_id, settlement_date, settlement_period, start_time, publish_time, entity, side, value, row_key, payload'
const floor = { insert: 0, commit: 0 }
const trx = await db.transaction()
const table = await trx
  .from('sqlite_master')
  .where({ type: 'table', name: 'insights_rows' })
  .select('sql')
  .firstOrFail()
await trx.rawQuery(table.sql.replace('`insights_rows`', '`bench_rows`'))
const indexes = await trx
  .from('sqlite_master')
  .where({ type: 'index', tbl_name: 'insights_rows' })
  .whereNotNull('sql')
  .select('sql')
for (const { sql } of indexes) await trx.rawQuery(sql.replaceAll('`insights_rows', '`bench_rows'))
await withSqliteStatements(trx, (sqlite) => {
  const stored = sqlite
    .prepare(`SELECT ${COLUMNS} FROM insights_rows WHERE run_id = ? ORDER BY id`)
    .all(insightsRun) as Record<string, unknown>[]
  const insert = sqlite.prepare(
    `INSERT INTO bench_rows (${COLUMNS}) VALUES (${COLUMNS.replace(/\w+/g, '?')})`
  )
  const started = performance.now()
  for (const row of stored) insert.run(Object.values(row))
  floor.insert = performance.now() - started
})
const committing = performance.now()
await trx.commit()
floor.commit = performance.now() - committing
await db.rawQuery('DROP TABLE bench_rows')
console.log(
  `  reference, SQLite alone inserting the same ${rows} rows into a copy of the table (same indexes): ` +
    `${ms(floor.insert + floor.commit)} (insert ${ms(floor.insert)}, commit ${ms(floor.commit)})`
)
await app.terminate()
