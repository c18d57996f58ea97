/**
 * Imports one file into a dataset: read (JSON, API CSV or a layout), type and
 * check every record, then write everything in one transaction. Any bad
 * record rejects the whole file with its line and field; nothing is written.
 */
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import { findDataset, registry } from '#insights/datasets/registry'
import { ImportError } from '#insights/datasets/import_error'
import { formatInstant } from '#insights/datasets/instants'
import { buildRow } from '#insights/datasets/row_builder'
import { readSource } from '#insights/datasets/source_readers'
import { writeRows } from '#insights/datasets/store'
import { announce } from '#insights/push/publish'
import { importRunFor } from '#insights/runs/run_selection'

export interface ImportSummary {
  dataset: string
  layout?: string
  rows: number
  days: string[]
  version: number
}

/** Refused before reading: unknown dataset, or one that is not fed by files. */
export class ImportRefused extends Error {}

export async function importDatasetFile(
  code: string,
  text: string,
  fileName: string
): Promise<ImportSummary> {
  const definition = findDataset(code)
  if (!definition) {
    throw new ImportRefused(
      `unknown dataset "${code}"; known datasets: ${[...registry().datasets.keys()].join(', ')}`
    )
  }
  if (definition.source.kind === 'remit') {
    throw new ImportRefused(
      `${definition.code} messages are submitted by parties through /api/v1/insights/remit, not imported`
    )
  }
  const now = formatInstant(DateTime.utc().startOf('second'))
  const { records, layout } = readSource(definition, text)
  if (records.length === 0) throw new ImportError(1, '(file)', 'the file holds no records')
  const rows = records.map((record) => buildRow(definition, record, now))
  const runVersioned = definition.source.kind === 'settlement'
  const result = await db.transaction((trx) =>
    writeRows(trx, definition, rows, async (day) => (runVersioned ? importRunFor(trx, day) : 0), {
      source: 'import',
      file: fileName,
      layout: layout ?? null,
    })
  )
  announce([definition.code])
  return { dataset: definition.code, layout, ...result }
}
