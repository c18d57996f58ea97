/**
 * Writes the demo market. The reference data and logins go in one
 * transaction together with an audit entry (`demo.seeded`) listing what was
 * written, so `--reset` (demo_reset.ts) removes exactly the demo's rows.
 * Each settlement dataset of each day is its own transaction with its own
 * import batch, replacing that date's rows as `settlement:import` does:
 * nothing is ever half-written.
 */
import { createHash } from 'node:crypto'
import db from '@adonisjs/lucid/services/db'
import { recordAudit } from '#core/audit/audit_log'
import type { DayRecords } from '#rules_runtime/day_records'
import { DATASETS } from '#settlement/index'
import type { DatasetName } from '#settlement/index'
import type { DemoMarket } from './demo_market.js'
import { createDemoUsers } from './demo_users.js'
import type { DemoLogin } from './demo_users.js'
import { DateTime } from 'luxon'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { bulkInsert, rowSet } from '#core/db/bulk_insert'
import { writeCustomerRegister, writeSettlementReference } from './reference_writer.js'

export const DEMO_IMPORTER = 'demo:seed'

/** A timestamp as Lucid models write them, so the models read the rows back. */
function timestamp(trx: TransactionClientContract): string {
  return DateTime.now().toFormat(trx.dialect.dateTimeFormat)
}
export const DEMO_ACTOR = { id: null, label: DEMO_IMPORTER }

/** What one seeding wrote (kept in the audit log). */
export interface DemoManifest {
  seed: number
  bmUnits: number
  dates: string[]
  parties: string[]
  users: string[]
  tlfs: [zone: string, effectiveFrom: string][]
  runCalendar: [settlementDate: string, runType: string][]
}

/** Settlement input datasets (named as `settlement:import` records them) and their DayRecords field. */
export const DAY_DATASETS: [DatasetName, keyof DayRecords][] = [
  ['metered-volumes', 'meteredVolumes'],
  ['pn', 'pn'],
  ['bod', 'bod'],
  ['boalf', 'boalf'],
  ['absvd', 'absvd'],
  ['disbsad', 'disbsad'],
  ['netbsad', 'netbsad'],
  ['mid', 'marketIndex'],
  ['lolp', 'lolp'],
  ['ecvn', 'ecvn'],
  ['mvrn', 'mvrn'],
]

/** The manifest of the demo data in the database, or null when there is none (never seeded, or reset). */
export async function currentManifest(): Promise<DemoManifest | null> {
  const row = await db
    .from('core_audit_log')
    .whereIn('action', ['demo.seeded', 'demo.reset'])
    .orderBy('id', 'desc')
    .first()
  return row?.action === 'demo.seeded' ? (JSON.parse(row.after) as DemoManifest) : null
}

export async function writeReference(
  market: DemoMarket,
  logins: DemoLogin[]
): Promise<DemoManifest> {
  return db.transaction(async (trx) => {
    const now = timestamp(trx)
    await writeCustomerRegister(trx, market, now)
    const written = await writeSettlementReference(trx, market)
    await createDemoUsers(trx, logins, market.parties, now)
    const manifest: DemoManifest = {
      seed: market.seed,
      bmUnits: market.bmUnits.length,
      dates: market.dates,
      parties: market.parties.map((p) => p.partyId),
      users: logins.map((l) => l.email),
      ...written,
    }
    await recordAudit(
      {
        actor: DEMO_ACTOR,
        action: 'demo.seeded',
        subjectType: 'demo',
        subjectId: `seed ${market.seed}`,
        after: manifest,
      },
      { client: trx }
    )
    return manifest
  })
}

/** One settlement day: each dataset replaces the date's rows under a new import batch. */
export async function writeDay(day: DayRecords, fileName: string): Promise<void> {
  for (const [dataset, field] of DAY_DATASETS) {
    const spec = DATASETS[dataset]
    const records = day[field] as object[]
    const hash = createHash('sha256')
    for (const record of records) hash.update(JSON.stringify(record))
    await db.transaction(async (trx) => {
      await trx.from(spec.table).where('settlement_date', day.settlementDate).delete()
      const [batch] = await trx
        .insertQuery()
        .table('settlement_import_batches')
        .insert({
          dataset,
          settlement_date: day.settlementDate,
          file_name: fileName,
          row_count: records.length,
          content_hash: hash.digest('hex'),
          imported_by: DEMO_IMPORTER,
          created_at: timestamp(trx),
        })
        .returning('id')
      const batchId = Number(typeof batch === 'object' ? batch.id : batch)
      await bulkInsert(
        trx,
        spec.table,
        rowSet(
          records.map((record) => ({
            batch_id: batchId,
            ...spec.toRow({ ...record, settlementDate: day.settlementDate }),
          }))
        )
      )
    })
  }
}
