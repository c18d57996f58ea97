import db from '@adonisjs/lucid/services/db'
import { audit } from '#customer/support/audit'
import { leadTimeOn, today } from '#customer/support/lead_times'
import { DateTime } from 'luxon'

/**
 * The retention rule (customer.md §3.3, §6.1): signatory authorisations and
 * contacts end-dated longer ago than the `record_retention` parameter are
 * hard-deleted. The audit log keeps only ids (pseudonymous), never the person.
 */
export default async function purgeRetainedRecords(onDate = today()) {
  return db.transaction(async (trx) => {
    const rule = await leadTimeOn('record_retention', onDate, trx)
    if (!rule) return { authorisations: 0, contacts: 0, cutoff: null }
    const cutoff = DateTime.fromISO(onDate, { zone: 'utc' })
      .minus({ [rule.unit === 'months' ? 'months' : 'days']: rule.value })
      .toISODate()!

    const authorisations = await trx
      .from('customer_signatory_authorisations')
      .whereNotNull('end_date')
      .where('end_date', '<', cutoff)
      .select('id', 'party_id')
    const contacts = await trx
      .from('customer_contacts')
      .whereNotNull('effective_to')
      .where('effective_to', '<', cutoff)
      .select('id', 'party_id')
    for (const row of authorisations) {
      await trx.from('customer_signatory_authorisations').where('id', row.id).delete()
      await audit(trx, null, {
        action: 'signatory.purge',
        subjectType: 'signatory_authorisation',
        subjectId: row.id,
        partyId: row.party_id,
        before: { state: 'ENDED' },
        after: { state: 'DELETED', cutoff },
      })
    }
    for (const row of contacts) {
      await trx.from('customer_contacts').where('id', row.id).delete()
      await audit(trx, null, {
        action: 'contact.purge',
        subjectType: 'contact',
        subjectId: row.id,
        partyId: row.party_id,
        before: { state: 'end_dated' },
        after: { state: 'deleted', cutoff },
      })
    }
    await trx
      .from('customer_invitations')
      .where('state', 'INVITED')
      .where('expires_at', '<', new Date().toISOString())
      .update({ state: 'EXPIRED' })
    return { authorisations: authorisations.length, contacts: contacts.length, cutoff }
  })
}
