/**
 * `--reset`: removes, in one transaction, what the last seeding's manifest
 * lists and every demo import batch with its rows, and the demo parties'
 * REMIT messages. Rows the demo did not write (imports, TLFs and run dates
 * that were already there) stay; the Insights datasets it published are
 * replaced by the next seeding's (same keys for the same seed).
 */
import db from '@adonisjs/lucid/services/db'
import { recordAudit } from '#core/audit/audit_log'
import { DATASETS } from '#settlement/index'
import { DAY_DATASETS, DEMO_ACTOR, DEMO_IMPORTER } from './demo_writer.js'
import type { DemoManifest } from './demo_writer.js'

/** Tables keyed by party, children first. */
const PARTY_TABLES: [table: string, column: string][] = [
  ['insights_remit_messages', 'party_id'],
  ['settlement_bm_units', 'lead_party_id'],
  ['settlement_accounts', 'party_id'],
  ['settlement_parties', 'party_id'],
  ['customer_signatory_authorisations', 'party_id'],
  ['customer_bm_units', 'party_id'],
  ['customer_energy_accounts', 'party_id'],
  ['customer_party_roles', 'party_id'],
  ['customer_parties', 'party_id'],
]

export async function deleteDemo(manifest: DemoManifest): Promise<void> {
  await db.transaction(async (trx) => {
    const batches = trx
      .from('settlement_import_batches')
      .where('imported_by', DEMO_IMPORTER)
      .select('id')
    for (const [dataset] of DAY_DATASETS) {
      await trx.from(DATASETS[dataset].table).whereIn('batch_id', batches.clone()).delete()
    }
    await trx.from('settlement_import_batches').where('imported_by', DEMO_IMPORTER).delete()
    for (const [table, column] of PARTY_TABLES) {
      for (const ids of chunks(manifest.parties))
        await trx.from(table).whereIn(column, ids).delete()
    }
    for (const emails of chunks(manifest.users))
      await trx.from('core_users').whereIn('email', emails).delete()
    for (const [zone, from] of manifest.tlfs) {
      await trx.from('settlement_tlfs').where({ zone, effective_from: from }).delete()
    }
    for (const [date, runType] of manifest.runCalendar) {
      await trx
        .from('settlement_run_calendar')
        .where({ settlement_date: date, run_type: runType })
        .delete()
    }
    const before = { parties: manifest.parties.length, dates: manifest.dates }
    await recordAudit(
      {
        actor: DEMO_ACTOR,
        action: 'demo.reset',
        subjectType: 'demo',
        subjectId: `seed ${manifest.seed}`,
        before,
      },
      { client: trx }
    )
  })
}

/** Keeps `whereIn` lists well inside both databases' limits on bound values. */
function chunks<T>(items: T[], size = 500): T[][] {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, i) =>
    items.slice(i * size, (i + 1) * size)
  )
}
