import { createHash, randomUUID } from 'node:crypto'
import { mkdir, open, readFile } from 'node:fs/promises'
import app from '@adonisjs/core/services/app'
import env from '#start/env'
import type { MultipartFile } from '@adonisjs/core/bodyparser'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import CustomerDocument from '#customer/models/document'
import { fieldError } from './journey_error.js'

/**
 * Uploaded documents (the accession agreement, a Director's Letter): at most
 * 10 MB, and a PDF by content, not by name: the first bytes must be `%PDF-`.
 * Files go to CUSTOMER_UPLOADS_DIR (default tmp/uploads) under a random name;
 * the audit log keeps only the SHA-256.
 */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024
const PDF_MAGIC = Buffer.from('%PDF-')

export function uploadsDirectory() {
  return app.makePath(env.get('CUSTOMER_UPLOADS_DIR', 'tmp/uploads'))
}

async function startsWithPdfMagic(path: string) {
  const handle = await open(path, 'r')
  try {
    const head = Buffer.alloc(PDF_MAGIC.length)
    await handle.read(head, 0, head.length, 0)
    return head.equals(PDF_MAGIC)
  } finally {
    await handle.close()
  }
}

export async function storePdf(
  trx: TransactionClientContract,
  field: string,
  file: MultipartFile,
  meta: { partyId: string; kind: string; uploadedBy: number }
) {
  if (!file.tmpPath || (file.size ?? 0) === 0) fieldError(field, 'The file is empty')
  if (file.size > MAX_UPLOAD_BYTES)
    fieldError(field, 'The file must not be larger than 10 MB', 'file.size')
  if (!(await startsWithPdfMagic(file.tmpPath!)))
    fieldError(field, 'The file must be a PDF document', 'file.type')

  const sha256 = createHash('sha256')
    .update(await readFile(file.tmpPath!))
    .digest('hex')
  const storedName = `${randomUUID()}.pdf`
  await mkdir(uploadsDirectory(), { recursive: true })
  await file.move(uploadsDirectory(), { name: storedName })
  return CustomerDocument.create(
    {
      partyId: meta.partyId,
      kind: meta.kind,
      fileName: file.clientName.slice(0, 200),
      storedName,
      sizeBytes: file.size,
      sha256,
      uploadedBy: meta.uploadedBy,
    },
    { client: trx }
  )
}
