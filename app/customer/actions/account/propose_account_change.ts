import db from '@adonisjs/lucid/services/db'
import type User from '#core/auth/user'
import { seesAllParties } from '#core/auth/roles'
import BankAccount from '#customer/models/bank_account'
import ChangeRequest from '#customer/models/change_request'
import Contact from '#customer/models/contact'
import { CHANGE_REQUEST, assertTransition } from '#customer/journeys/machines'
import { audit } from '#customer/support/audit'
import { activeCategories } from '#customer/support/authority'
import { applyAccountChange, currentValues, mask } from '#customer/support/apply_account_change'
import { notifyParty } from '#customer/support/notify_party'
import { openTask } from '#customer/support/tasks'
import { partyFor } from '#customer/support/parties'
import { today } from '#customer/support/lead_times'
import { assertCreditContactKept } from '#customer/support/credit'

/**
 * My Account changes with maker-checker (customer.md §2.4, §4.2): an assistant
 * prepares (PENDING_APPROVAL, all Cat A told); a signatory holding one of the
 * approving categories, or an operator, applies directly. Approving categories:
 * company details and contacts Cat A; bank details Cat A or F.
 */
export type AccountSubject = 'company' | 'contact' | 'contact_end' | 'bank_account'

const APPROVERS: Record<AccountSubject, string[]> = {
  company: ['A'],
  contact: ['A'],
  contact_end: ['A'],
  bank_account: ['A', 'F'],
}

export default async function proposeAccountChange(
  actor: User,
  partyId: string,
  subjectType: AccountSubject,
  subjectId: number | null,
  change: Record<string, any>
) {
  return db.transaction(async (trx) => {
    const party = await partyFor(actor, partyId, trx)
    assertTransition(CHANGE_REQUEST, 'propose_account_change', null)
    let target = subjectId === null ? null : String(subjectId)
    if (subjectType === 'contact_end') await assertCreditContactKept(trx, party.partyId, subjectId!)
    if (subjectType === 'contact' && target === null) {
      const contact = await Contact.create(
        {
          partyId: party.partyId,
          ...change,
          status: 'pending_approval',
          effectiveFrom: today(),
        } as any,
        { client: trx }
      )
      target = String(contact.id)
    }
    if (subjectType === 'bank_account' && target === null) {
      const account = await BankAccount.create(
        { partyId: party.partyId, ...change, status: 'pending_approval' } as any,
        { client: trx }
      )
      target = String(account.id)
    }
    const before = await currentValues(trx, subjectType, target, party.partyId)
    const approverCategories = APPROVERS[subjectType]
    const held = await activeCategories(actor, undefined, trx)
    const direct = seesAllParties(actor.role) || approverCategories.some((code) => held.has(code))

    const request = await ChangeRequest.create(
      {
        partyId: party.partyId,
        subjectType,
        subjectId: target,
        change,
        before,
        state: direct ? 'APPROVED' : 'PENDING_APPROVAL',
        approverCategories,
        preparedBy: actor.id,
        decidedBy: direct ? actor.id : null,
      },
      { client: trx }
    )
    if (direct) {
      await applyAccountChange(trx, request)
    } else {
      await openTask(trx, {
        partyId: party.partyId,
        caseType: 'change_request',
        caseId: request.id,
        kind: 'approve_change',
        title: `Approve the ${subjectType.replace('_', ' ')} change`,
        reason: `${actor.fullName} prepared it; a signatory holding category ${approverCategories.join(' or ')} (not the preparer) must decide.`,
        assignee: 'party',
        leadTime: 'draft_approval',
      })
      await notifyParty(
        trx,
        party.partyId,
        {
          title: 'A change waits for your approval',
          body: `${actor.fullName} prepared a ${subjectType.replace('_', ' ')} change.`,
          link: '/customer/account',
        },
        { categoryA: true, except: actor.id }
      )
    }
    if (subjectType === 'bank_account' && direct) {
      await notifyParty(
        trx,
        party.partyId,
        {
          title: 'Bank details changed',
          body: `${party.name}'s ${change.purpose ?? ''} bank details were changed by ${actor.fullName}.`,
          link: '/customer/account',
        },
        { categoryA: true }
      )
    }
    await audit(trx, actor, {
      action: direct ? 'account.apply_change' : 'account.propose_change',
      subjectType: `account_${subjectType}`,
      subjectId: target ?? party.partyId,
      partyId: party.partyId,
      before,
      after:
        subjectType === 'bank_account'
          ? { ...change, accountNumber: mask(change.accountNumber) }
          : change,
    })
    return request
  })
}
