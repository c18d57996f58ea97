import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import db from '@adonisjs/lucid/services/db'
import { errors as vineErrors } from '@vinejs/vine'
import type { MultipartFile } from '@adonisjs/core/bodyparser'
import type User from '#core/auth/user'
import { CsvError, parseCsv } from '#core/csv/csv'
import MsidPairUpload, { type UploadRowResult } from '#customer/models/msid_pair_upload'
import { audit } from '#customer/support/audit'
import { partyFor } from '#customer/support/parties'
import { fieldError } from '#customer/support/journey_error'
import { allocateRows, type MsidPairRow } from '#customer/support/msid_pair_rows'
import {
  MAX_MSID_PAIR_ROWS,
  MSID_PAIR_COLUMNS,
  msidPairRowValidator,
} from '#customer/validators/asset_validators'

/**
 * MSID Pairs as a CSV file (customer.md §8.2): UTF-8 text with a header row
 * naming the columns (effectiveTo may be left out), at most 500 rows. A file
 * that is not such a CSV is refused whole (422 on `file`); otherwise every row
 * is accepted or rejected on its own with the reason, a malformed row
 * included, and nothing partial is written for a row. The file's SHA-256 and
 * the per-row results are kept.
 */
const REQUIRED = MSID_PAIR_COLUMNS.filter((column) => column !== 'effectiveTo')

async function readRows(file: MultipartFile) {
  if (!file.tmpPath || !file.size) fieldError('file', 'The file is empty')
  const bytes = await readFile(file.tmpPath!)
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    fieldError('file', 'The file is not UTF-8 text: save it as CSV (UTF-8)', 'file.type')
  }
  if (text!.includes('\u0000')) fieldError('file', 'The file is not a text file', 'file.type')
  try {
    const { header, records } = parseCsv(text!)
    const missing = REQUIRED.filter((column) => !header.includes(column))
    const unknown = header.filter((column) => !MSID_PAIR_COLUMNS.includes(column))
    if (missing.length || unknown.length)
      fieldError(
        'file',
        `The header row must be ${MSID_PAIR_COLUMNS.join(',')} (effectiveTo optional)${missing.length ? `; missing ${missing.join(', ')}` : ''}${unknown.length ? `; unknown ${unknown.join(', ')}` : ''}`,
        'csv.header'
      )
    if (!records.length) fieldError('file', 'The file has no rows under its header', 'csv.rows')
    if (records.length > MAX_MSID_PAIR_ROWS)
      fieldError('file', `At most ${MAX_MSID_PAIR_ROWS} rows per file`, 'csv.rows')
    return { bytes, records }
  } catch (error) {
    if (error instanceof CsvError)
      fieldError('file', `Not a valid CSV file: ${error.message}`, 'csv')
    throw error
  }
}

/** A row's shape, checked with the JSON route's rules; the messages become its rejection reason. */
async function shapeOf(values: Record<string, string>) {
  const blanksOmitted = Object.fromEntries(
    Object.entries(values).filter(([, value]) => value.trim() !== '')
  )
  try {
    return { row: (await msidPairRowValidator.validate(blanksOmitted)) as MsidPairRow }
  } catch (error) {
    if (!(error instanceof vineErrors.E_VALIDATION_ERROR)) throw error
    const messages = (error.messages as { field: string; message: string }[]).map(
      (m) => `${m.field}: ${m.message}`
    )
    return { reason: `Malformed row: ${messages.join('; ')}` }
  }
}

export default async function uploadMsidPairs(actor: User, partyId: string, file: MultipartFile) {
  const { bytes, records } = await readRows(file)
  const shaped = await Promise.all(records.map((record) => shapeOf(record.values)))
  return db.transaction(async (trx) => {
    const party = await partyFor(actor, partyId, trx)
    const upload = await MsidPairUpload.create(
      {
        partyId: party.partyId,
        fileName: file.clientName.slice(0, 200),
        sha256: createHash('sha256').update(bytes).digest('hex'),
        sizeBytes: bytes.length,
        rowCount: records.length,
        accepted: 0,
        rejected: 0,
        results: [],
        uploadedBy: actor.id,
      },
      { client: trx }
    )
    const wellFormed = shaped.flatMap((s) => (s.row ? [s.row] : []))
    const pairs = await allocateRows(trx, party, actor.id, wellFormed, upload.id)
    let next = 0
    const results: UploadRowResult[] = shaped.map((s, index) => {
      const values = records[index].values
      if (!s.row)
        return {
          row: index + 1,
          bmUnitId: values.bmUnitId?.trim() || null,
          importMsid: values.importMsid?.trim() || null,
          status: 'rejected',
          reason: s.reason!,
          pairId: null,
        }
      const pair = pairs[next++]
      return {
        row: index + 1,
        bmUnitId: pair.bmUnitId,
        importMsid: pair.importMsid,
        status: pair.status === 'accepted' ? 'accepted' : 'rejected',
        reason: pair.rejectionReason,
        pairId: pair.id,
      }
    })
    const accepted = results.filter((r) => r.status === 'accepted').length
    upload.merge({ results, accepted, rejected: results.length - accepted })
    await upload.useTransaction(trx).save()
    await audit(trx, actor, {
      action: 'msid_pair.upload',
      subjectType: 'msid_pair_upload',
      subjectId: upload.id,
      partyId: party.partyId,
      after: {
        sha256: upload.sha256,
        sizeBytes: upload.sizeBytes,
        accepted,
        rejected: upload.rejected,
        results: results.map((r) => ({ row: r.row, status: r.status, reason: r.reason })),
      },
    })
    return upload
  })
}
