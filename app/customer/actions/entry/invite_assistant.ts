import db from '@adonisjs/lucid/services/db'
import type { Infer } from '@vinejs/vine/types'
import type User from '#core/auth/user'
import { ENTRY, assertTransition } from '#customer/journeys/machines'
import { audit } from '#customer/support/audit'
import { closeTasks, openTask } from '#customer/support/tasks'
import { partyFor } from '#customer/support/parties'
import { sendInvitation } from '#customer/support/invitations'
import { fieldError } from '#customer/support/journey_error'
import type { inviteAssistantValidator } from '#customer/validators/entry_validators'

/** E2: the operator invites the EoI's contact (or another named person) as the first assistant. */
export default async function inviteAssistant(
  actor: User,
  partyId: string,
  input: Infer<typeof inviteAssistantValidator>
) {
  return db.transaction(async (trx) => {
    const party = await partyFor(actor, partyId, trx)
    assertTransition(ENTRY, 'invite_assistant', party.entryState)
    const email = (input.email ?? party.prospectContactEmail ?? '').toLowerCase()
    const fullName = input.fullName ?? party.prospectContactName ?? ''
    if (!email) fieldError('email', 'Name the person to invite')
    if (await trx.from('core_users').where('email', email).first()) {
      fieldError('email', 'This e-mail address already has a portal account')
    }
    await sendInvitation(trx, {
      partyId: party.partyId,
      partyName: party.name,
      email,
      fullName,
      portalRole: 'assistant',
      invitedBy: actor.id,
    })
    const before = party.entryState
    party.entryState = 'ASSISTANT_INVITED'
    await party.useTransaction(trx).save()
    await closeTasks(trx, 'entry', party.partyId, 'triage_eoi')
    await openTask(trx, {
      partyId: party.partyId,
      caseType: 'entry',
      caseId: party.partyId,
      kind: 'accept_invitation',
      title: 'Accept the portal invitation',
      reason: `${fullName} must open the link in the invitation e-mail and choose a password.`,
      assignee: 'party',
      leadTime: 'invitation_expiry',
    })
    await audit(trx, actor, {
      action: 'entry.invite_assistant',
      subjectType: 'party',
      subjectId: party.partyId,
      partyId: party.partyId,
      before: { entryState: before },
      after: { entryState: party.entryState, invited: email },
    })
    return party
  })
}
