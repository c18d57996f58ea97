import db from '@adonisjs/lucid/services/db'
import type { Infer } from '@vinejs/vine/types'
import type User from '#core/auth/user'
import { PORTAL_ACCESS, assertTransition } from '#customer/journeys/machines'
import { audit } from '#customer/support/audit'
import { partyFor } from '#customer/support/parties'
import { sendInvitation } from '#customer/support/invitations'
import { fieldError } from '#customer/support/journey_error'
import type { inviteUserValidator } from '#customer/validators/signatory_validators'

/**
 * A Cat A grants portal access to a colleague (customer.md §6.4) as an
 * assistant; the signatory role comes only from an approved nomination, and
 * an existing signatory gets access with grant_signatory_access.
 */
export default async function inviteUser(
  actor: User,
  partyId: string,
  input: Infer<typeof inviteUserValidator>
) {
  return db.transaction(async (trx) => {
    const party = await partyFor(actor, partyId, trx)
    assertTransition(PORTAL_ACCESS, 'invite_user', null)
    const email = input.email.toLowerCase()
    if (await trx.from('core_users').where('email', email).first())
      fieldError('email', 'This e-mail address already has a portal account')
    if (
      await trx.from('customer_invitations').where('email', email).where('state', 'INVITED').first()
    ) {
      fieldError('email', 'An invitation to this address is still open')
    }
    const invitation = await sendInvitation(trx, {
      partyId: party.partyId,
      partyName: party.name,
      email,
      fullName: input.fullName,
      portalRole: 'assistant',
      invitedBy: actor.id,
    })
    await audit(trx, actor, {
      action: 'access.invite_user',
      subjectType: 'invitation',
      subjectId: invitation.id,
      partyId: party.partyId,
      after: { email, portalRole: 'assistant', state: 'INVITED' },
    })
    return invitation
  })
}
