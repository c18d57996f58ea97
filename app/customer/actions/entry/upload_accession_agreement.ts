import db from '@adonisjs/lucid/services/db'
import type { MultipartFile } from '@adonisjs/core/bodyparser'
import type User from '#core/auth/user'
import { audit } from '#customer/support/audit'
import { partyFor } from '#customer/support/parties'
import { storePdf } from '#customer/support/uploads'
import { JourneyError } from '#customer/support/journey_error'

/** Accession page 3: the signed, undated Accession Agreement as a PDF (checked by content, ≤ 10 MB). */
export default async function uploadAccessionAgreement(
  actor: User,
  partyId: string,
  file: MultipartFile
) {
  return db.transaction(async (trx) => {
    const party = await partyFor(actor, partyId, trx)
    if (party.entryState !== 'ACCESSION_DRAFT')
      throw new JourneyError(
        `The agreement can only be replaced while the accession is a draft (now ${party.entryState})`
      )
    const document = await storePdf(trx, 'agreement', file, {
      partyId: party.partyId,
      kind: 'accession_agreement',
      uploadedBy: actor.id,
    })
    const before = party.agreementDocumentId
    party.agreementDocumentId = document.id
    await party.useTransaction(trx).save()
    await audit(trx, actor, {
      action: 'entry.upload_accession_agreement',
      subjectType: 'party',
      subjectId: party.partyId,
      partyId: party.partyId,
      before: { agreementDocumentId: before },
      after: {
        agreementDocumentId: document.id,
        sha256: document.sha256,
        sizeBytes: document.sizeBytes,
      },
    })
    return document
  })
}
