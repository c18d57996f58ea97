import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import Party from '#customer/models/party'
import { audit } from '#customer/support/audit'
import { partyAccessEnded, revokePartyAccess } from '#customer/support/portal_access'
import { today } from '#customer/support/lead_times'

/**
 * On the Withdrawal Date the withdrawn party's users lose the portal
 * (customer.md §10.2): tokens revoked, sessions ended, invitations withdrawn.
 * Run by confirmation when the date has come, else by `customer:daily`.
 */
export default async function endPortalAccess(partyId: string, onDate = today()) {
  return db.transaction(async (trx) => {
    const party = await Party.query({ client: trx })
      .where('party_id', partyId)
      .forUpdate()
      .firstOrFail()
    if (party.accessEndedAt || !(await partyAccessEnded(partyId, onDate, trx))) return null
    const revoked = await revokePartyAccess(trx, partyId)
    party.accessEndedAt = DateTime.utc()
    await party.useTransaction(trx).save()
    await audit(trx, null, {
      action: 'access.end_portal_access',
      subjectType: 'party',
      subjectId: partyId,
      partyId,
      before: { accessEndedAt: null },
      after: { accessEndedAt: party.accessEndedAt.toISO(), ...revoked },
    })
    return revoked
  })
}
