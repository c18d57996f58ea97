import db from '@adonisjs/lucid/services/db'
import type User from '#core/auth/user'
import UserModel from '#core/auth/user'
import { PORTAL_ACCESS, assertTransition } from '#customer/journeys/machines'
import { audit } from '#customer/support/audit'
import { ownedRecord } from '#customer/support/parties'
import { sendInvitation } from '#customer/support/invitations'
import { portalAccessOf } from '#customer/support/signatory_access'
import { JourneyError } from '#customer/support/journey_error'
import { today } from '#customer/support/lead_times'

/**
 * A Cat A gives portal access to an authorised signatory of the party who has
 * none (customer.md §6.4: access comes from a Cat A, through the portal or
 * BSCP38/5.1). The signatory gets a one-time link to choose a password; MFA is
 * then enforced. Authorisations are unchanged.
 */
export default async function grantSignatoryAccess(actor: User, userId: number | string) {
  return db.transaction(async (trx) => {
    const person = await ownedRecord(actor, UserModel, userId, trx)
    assertTransition(PORTAL_ACCESS, 'grant_signatory_access', null)
    if (person.id === actor.id) throw new JourneyError('You already have portal access')
    const day = today()
    const authorised = await trx
      .from('customer_signatory_authorisations')
      .where('party_id', person.partyId!)
      .where('user_id', person.id)
      .where('status', 'active')
      .where((q) => q.whereNull('end_date').orWhere('end_date', '>=', day))
      .first()
    if (!authorised || person.role !== 'signatory')
      throw new JourneyError(`${person.fullName} is not an authorised signatory of the party`)
    const accessByUser = await portalAccessOf([person.id], trx)
    const access = accessByUser.get(person.id)
    if (access !== 'none')
      throw new JourneyError(
        access === 'active'
          ? `${person.fullName} already has portal access`
          : `An invitation to ${person.fullName} is still open`
      )
    const party = await trx.from('customer_parties').where('party_id', person.partyId!).first()
    const invitation = await sendInvitation(trx, {
      partyId: party.party_id,
      partyName: party.name,
      email: person.email,
      fullName: person.fullName,
      portalRole: 'signatory',
      invitedBy: actor.id,
      userId: person.id,
    })
    await audit(trx, actor, {
      action: 'access.grant_signatory',
      subjectType: 'invitation',
      subjectId: invitation.id,
      partyId: party.party_id,
      before: { portalAccess: 'none' },
      after: { portalAccess: 'invited', userId: person.id, portalRole: 'signatory' },
    })
    return invitation
  })
}
