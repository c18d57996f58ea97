import db from '@adonisjs/lucid/services/db'
import type { Infer } from '@vinejs/vine/types'
import type User from '#core/auth/user'
import Party from '#customer/models/party'
import { ENTRY, assertTransition } from '#customer/journeys/machines'
import { audit } from '#customer/support/audit'
import { closeTasks, openTask } from '#customer/support/tasks'
import { partyFor, snapshot } from '#customer/support/parties'
import { notifyParty } from '#customer/support/notify_party'
import { allocatePartyId } from '#customer/support/allocate_party_id'
import { today } from '#customer/support/lead_times'
import { customerEvents } from '#customer/events'
import type { approveAccessionValidator } from '#customer/validators/entry_validators'

/**
 * E6: the operator accepts the accession: allocates the Party ID (the proposed
 * one or another), dates the agreement, and the party is registered.
 */
export default async function approveAccession(
  actor: User,
  partyId: string,
  input: Infer<typeof approveAccessionValidator>
) {
  const party = await db.transaction(async (trx) => {
    const prospect = await partyFor(actor, partyId, trx)
    assertTransition(ENTRY, 'approve_accession', prospect.entryState)
    const before = snapshot(prospect)
    await closeTasks(trx, 'entry', prospect.partyId, 'check_accession')
    await allocatePartyId(trx, prospect, input.partyId)

    const acceded = await Party.query({ client: trx })
      .where('party_id', input.partyId)
      .firstOrFail()
    acceded.merge({
      entryState: 'ACCEDED',
      status: 'acceded',
      accessionDate: today(),
      agreementDatedOn: input.agreementDatedOn,
      stateReason: null,
    })
    await acceded.useTransaction(trx).save()
    await openTask(trx, {
      partyId: acceded.partyId,
      caseType: 'entry',
      caseId: acceded.partyId,
      kind: 'choose_roles',
      title: 'Choose your market role(s)',
      reason:
        'Open a role registration with its target effective date; qualification starts from there.',
      assignee: 'party',
    })
    await notifyParty(trx, acceded.partyId, {
      title: 'Accession completed',
      body: `${acceded.name} has acceded to the BSC with Party ID ${acceded.partyId}.`,
      link: '/customer',
    })
    await audit(trx, actor, {
      action: 'entry.approve_accession',
      subjectType: 'party',
      subjectId: acceded.partyId,
      partyId: acceded.partyId,
      before,
      after: snapshot(acceded),
    })
    return acceded
  })
  await customerEvents.partyRegistered({
    partyId: party.partyId,
    partyName: party.name,
    accessionDate: party.accessionDate!,
    roles: [],
    energyAccounts: [],
  })
  return party
}
