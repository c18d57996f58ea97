import { createHash } from 'node:crypto'
import db from '@adonisjs/lucid/services/db'
import { bulkInsert, rowSet } from '#core/db/bulk_insert'
import { DATASETS, type DatasetName } from '#settlement/ingestion/datasets'
import { parseInputFile } from '#settlement/ingestion/parse_file'
import {
  validateRecords,
  type ReferenceLookups,
  type ValidRecord,
} from '#settlement/ingestion/validate_records'

/**
 * `settlement:import`: validates a whole file, then in ONE transaction
 * replaces the dataset for every settlement date it covers (or upserts
 * reference rows), recording an import batch per date with the file's hash.
 * Any bad row rejects the file and writes nothing.
 */
export interface ImportResult {
  dataset: DatasetName
  rows: number
  dates: string[]
  contentHash: string
  batchIds: number[]
}

async function loadLookups(): Promise<ReferenceLookups> {
  const units = await db
    .from('settlement_bm_units')
    .select('bm_unit_id', 'effective_from', 'effective_to')
  const accounts = await db.from('settlement_accounts').select('account_id')
  const parties = await db.from('settlement_parties').select('party_id')
  const bmUnits = new Map<string, [string, string | null][]>()
  for (const unit of units) {
    const ranges = bmUnits.get(unit.bm_unit_id) ?? []
    ranges.push([unit.effective_from, unit.effective_to])
    bmUnits.set(unit.bm_unit_id, ranges)
  }
  return {
    bmUnits,
    accounts: new Set(accounts.map((row) => row.account_id)),
    parties: new Set(parties.map((row) => row.party_id)),
  }
}

export async function importDataset(
  dataset: DatasetName,
  fileName: string,
  content: string,
  importedBy: string
): Promise<ImportResult> {
  const spec = DATASETS[dataset]
  const contentHash = createHash('sha256').update(content).digest('hex')
  const records = parseInputFile(fileName, content)
  const valid = await validateRecords(spec, fileName, records, await loadLookups())
  const byDate = new Map<string | null, ValidRecord[]>()
  for (const item of valid) {
    const key = spec.dated ? (item.record.settlementDate as string) : null
    const group = byDate.get(key)
    if (group) group.push(item)
    else byDate.set(key, [item])
  }
  const createdAt = new Date().toISOString()
  const batchIds: number[] = []
  await db.transaction(async (trx) => {
    for (const [date, items] of [...byDate.entries()].sort()) {
      if (date) await trx.from(spec.table).where('settlement_date', date).delete()
      const [batch] = await trx
        .insertQuery()
        .table('settlement_import_batches')
        .insert({
          dataset,
          settlement_date: date,
          file_name: fileName,
          row_count: items.length,
          content_hash: contentHash,
          imported_by: importedBy,
          created_at: createdAt,
        })
        .returning('id')
      const batchId = Number(typeof batch === 'object' ? batch.id : batch)
      batchIds.push(batchId)
      const rows = items.map(({ record }) =>
        spec.dated ? { batch_id: batchId, ...spec.toRow(record) } : spec.toRow(record)
      )
      await bulkInsert(trx, spec.table, rowSet(rows), { conflict: spec.conflict })
    }
  })
  return {
    dataset,
    rows: valid.length,
    dates: [...byDate.keys()].filter((date): date is string => date !== null).sort(),
    contentHash,
    batchIds,
  }
}
