import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import User from '#core/auth/user'
import Invitation from '#customer/models/invitation'
import Party from '#customer/models/party'
import { ENTRY, assertTransition } from '#customer/journeys/machines'
import { audit } from '#customer/support/audit'
import { closeTasks, openTask } from '#customer/support/tasks'
import { hashToken } from '#customer/support/invitations'
import { JourneyError } from '#customer/support/journey_error'

/** The invitation behind a token, if it can still be used. */
export async function usableInvitation(token: string) {
  const invitation = await Invitation.findBy('token_hash', hashToken(token))
  if (!invitation || invitation.state !== 'INVITED') return null
  if (invitation.expiresAt < DateTime.utc()) return null
  return invitation
}

/**
 * E3 (and every later invitation, customer.md §6.4): the invitee chooses a
 * password; the link then stops working. The first assistant's acceptance
 * opens the accession draft.
 */
export default async function acceptInvitation(token: string, password: string) {
  return db.transaction(async (trx) => {
    const invitation = await Invitation.query({ client: trx })
      .where('token_hash', hashToken(token))
      .forUpdate()
      .first()
    if (!invitation || invitation.state !== 'INVITED' || invitation.expiresAt < DateTime.utc()) {
      throw new JourneyError('This invitation link is no longer valid. Ask for a new invitation.')
    }
    let user = invitation.userId ? await User.find(invitation.userId, { client: trx }) : null
    if (user) {
      user.password = password
      await user.useTransaction(trx).save()
    } else {
      user = await User.create(
        {
          email: invitation.email,
          fullName: invitation.fullName,
          password,
          role: invitation.portalRole as 'assistant',
          partyId: invitation.partyId,
        },
        { client: trx }
      )
    }
    invitation.merge({ state: 'ACCEPTED', acceptedAt: DateTime.utc(), userId: user.id })
    await invitation.useTransaction(trx).save()

    const party = await Party.query({ client: trx })
      .where('party_id', invitation.partyId)
      .forUpdate()
      .firstOrFail()
    const before = party.entryState
    if (party.entryState === 'ASSISTANT_INVITED' && invitation.portalRole === 'assistant') {
      assertTransition(ENTRY, 'accept_invitation', party.entryState)
      party.entryState = 'ACCESSION_DRAFT'
      await party.useTransaction(trx).save()
      await closeTasks(trx, 'entry', party.partyId, 'accept_invitation')
      await openTask(trx, {
        partyId: party.partyId,
        caseType: 'entry',
        caseId: party.partyId,
        kind: 'prepare_accession',
        title: 'Prepare the accession',
        reason:
          "Company details, addresses, contacts, Trading Charges bank details, the signed undated Accession Agreement and a first Category A signatory (Director's Letter).",
        assignee: 'party',
      })
    }
    await audit(trx, user, {
      action: 'entry.accept_invitation',
      subjectType: 'invitation',
      subjectId: invitation.id,
      partyId: party.partyId,
      before: { entryState: before, invitation: 'INVITED' },
      after: {
        entryState: party.entryState,
        invitation: 'ACCEPTED',
        userId: user.id,
        role: user.role,
      },
    })
    return user
  })
}
