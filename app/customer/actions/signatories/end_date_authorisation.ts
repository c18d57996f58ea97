import db from '@adonisjs/lucid/services/db'
import type User from '#core/auth/user'
import SignatoryAuthorisation from '#customer/models/signatory_authorisation'
import { SIGNATORY, assertTransition } from '#customer/journeys/machines'
import { audit } from '#customer/support/audit'
import { ownedRecord } from '#customer/support/parties'
import { fieldError, JourneyError } from '#customer/support/journey_error'
import { today } from '#customer/support/lead_times'

/**
 * Ends one category of one signatory (customer.md §6.1). Refused when it would
 * leave the party without an active Category A after that date. Ending a
 * person's last category takes the `signatory` portal role away that day.
 */
export default async function endDateAuthorisation(
  actor: User,
  authorisationId: number | string,
  endDate: string
) {
  return db.transaction(async (trx) => {
    const row = await ownedRecord(actor, SignatoryAuthorisation, authorisationId, trx)
    const ended = row.endDate !== null && row.endDate < today()
    assertTransition(
      SIGNATORY,
      'end_date_authorisation',
      row.status === 'active' && !ended ? 'ACTIVE' : 'ENDED'
    )
    if (endDate < today()) fieldError('endDate', 'The end date must be today or later')
    if (endDate < row.startDate)
      fieldError('endDate', `The end date must not be before the start date ${row.startDate}`)

    if (row.category === 'A') {
      const another = await trx
        .from('customer_signatory_authorisations')
        .where('party_id', row.partyId)
        .where('category', 'A')
        .where('status', 'active')
        .whereNot('user_id', row.userId)
        .where('start_date', '<=', endDate)
        .where((q) => q.whereNull('end_date').orWhere('end_date', '>', endDate))
        .first()
      const party = await trx.from('customer_parties').where('party_id', row.partyId).first()
      if (!another && party?.status !== 'withdrawn') {
        throw new JourneyError(
          'Every party keeps at least one Category A signatory: nominate a replacement first'
        )
      }
    }
    const before = { endDate: row.endDate }
    row.endDate = endDate
    await row.useTransaction(trx).save()

    if (endDate <= today()) {
      const remaining = await trx
        .from('customer_signatory_authorisations')
        .where('user_id', row.userId)
        .where('status', 'active')
        .where((q) => q.whereNull('end_date').orWhere('end_date', '>', endDate))
        .first()
      if (!remaining)
        await trx
          .from('core_users')
          .where('id', row.userId)
          .where('role', 'signatory')
          .update({ role: 'assistant' })
    }
    await audit(trx, actor, {
      action: 'signatory.end_date',
      subjectType: 'signatory_authorisation',
      subjectId: row.id,
      partyId: row.partyId,
      before,
      after: { endDate, category: row.category, userId: row.userId },
    })
    return row
  })
}
