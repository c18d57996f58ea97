import db from '@adonisjs/lucid/services/db'
import type { MultipartFile } from '@adonisjs/core/bodyparser'
import type { Infer } from '@vinejs/vine/types'
import type User from '#core/auth/user'
import BmUnit from '#customer/models/bm_unit'
import { BM_UNIT, assertTransition } from '#customer/journeys/machines'
import { audit } from '#customer/support/audit'
import { ownedRecord } from '#customer/support/parties'
import { storePdf } from '#customer/support/uploads'
import { fieldError } from '#customer/support/journey_error'
import { today } from '#customer/support/lead_times'
import { announce, registerVersion } from '#customer/support/bm_unit_registration'
import type { netsoAgreementValidator } from '#customer/validators/asset_validators'

/**
 * AWAITING_NETSO → REGISTERED (customer.md §7.5): Elexon records the date and
 * reference of the party's agreement with the NETSO, with the document if one
 * was sent (PDF, optional; only its hash is audited).
 */
export default async function recordNetsoAgreement(
  actor: User,
  versionId: number | string,
  input: Omit<Infer<typeof netsoAgreementValidator>, 'document'>,
  document?: MultipartFile
) {
  const registered = await db.transaction(async (trx) => {
    const unit = await ownedRecord(actor, BmUnit, versionId, trx)
    assertTransition(BM_UNIT, 'record_netso_agreement', unit.status.toUpperCase())
    if (input.agreedOn > today())
      fieldError('agreedOn', 'The agreement date must not be in the future')
    const stored = document
      ? await storePdf(trx, 'document', document, {
          partyId: unit.partyId,
          kind: 'netso_agreement',
          uploadedBy: actor.id,
        })
      : null
    unit.merge({
      netsoAgreed: true,
      netsoAgreedOn: input.agreedOn,
      netsoReference: input.netsoReference,
      netsoDocumentId: stored?.id ?? null,
    })
    const result = await registerVersion(trx, unit)
    await audit(trx, actor, {
      action: 'bm_unit.record_netso_agreement',
      subjectType: 'bm_unit',
      subjectId: unit.id,
      partyId: unit.partyId,
      before: { status: 'awaiting_netso' },
      after: {
        status: 'registered',
        netsoAgreedOn: input.agreedOn,
        netsoReference: input.netsoReference,
        documentSha256: stored?.sha256 ?? null,
        previousEffectiveTo: result.previousEffectiveTo,
      },
    })
    return result
  })
  await announce(registered)
  return registered.unit
}
