import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import type { Infer } from '@vinejs/vine/types'
import type User from '#core/auth/user'
import ChangeRequest from '#customer/models/change_request'
import Contact from '#customer/models/contact'
import { CHANGE_REQUEST, assertTransition } from '#customer/journeys/machines'
import { audit } from '#customer/support/audit'
import { partyFor } from '#customer/support/parties'
import { notifyParty } from '#customer/support/notify_party'
import { promoteReadyRoleCases } from '#customer/support/role_readiness'
import { today } from '#customer/support/lead_times'
import type { creditContactsValidator } from '#customer/validators/credit_validators'

const CREDIT = 'credit_24h'
const describe = (c: Contact) => ({ fullName: c.fullName, email: c.email, phone: c.phone })

/**
 * The 24-hour credit default contacts form (customer.md §3.2, §4.2), completed
 * by a Cat A or Sig(C), never an assistant: the named people become the
 * party's credit contacts (existing contacts matched by e-mail), and anyone
 * no longer named loses the role. Applied at once and kept in the change
 * history; a trading role waiting for it may become READY_TO_REGISTER.
 */
export default async function submitCreditContacts(
  actor: User,
  partyId: string,
  input: Infer<typeof creditContactsValidator>
) {
  return db.transaction(async (trx) => {
    const party = await partyFor(actor, partyId, trx)
    assertTransition(CHANGE_REQUEST, 'propose_account_change', null)
    const day = today()
    const current = await Contact.query({ client: trx })
      .where('party_id', party.partyId)
      .where('status', 'approved')
      .where((q) => q.whereNull('effective_to').orWhere('effective_to', '>=', day))
    const before = current.filter((c) => c.contactTypes.includes(CREDIT)).map(describe)
    const named = new Set(input.contacts.map((c) => c.email.toLowerCase()))

    for (const contact of current) {
      if (!contact.contactTypes.includes(CREDIT) || named.has(contact.email.toLowerCase())) continue
      const types = contact.contactTypes.filter((type) => type !== CREDIT)
      contact.merge(
        types.length ? { contactTypes: types } : { status: 'end_dated', effectiveTo: day }
      )
      await contact.useTransaction(trx).save()
    }
    for (const entry of input.contacts) {
      const email = entry.email.toLowerCase()
      const match = current.find((c) => c.email.toLowerCase() === email)
      const details = {
        fullName: entry.fullName,
        phone: entry.phone,
        jobTitle: entry.jobTitle ?? null,
      }
      if (match) {
        match.merge({ ...details, contactTypes: [...new Set([...match.contactTypes, CREDIT])] })
        await match.useTransaction(trx).save()
      } else {
        await Contact.create(
          {
            partyId: party.partyId,
            ...details,
            email,
            contactTypes: [CREDIT],
            status: 'approved',
            effectiveFrom: day,
            effectiveTo: null,
          },
          { client: trx }
        )
      }
    }
    const after = input.contacts.map((c) => ({ ...c, email: c.email.toLowerCase() }))
    const request = await ChangeRequest.create(
      {
        partyId: party.partyId,
        subjectType: 'credit_contacts',
        subjectId: null,
        change: { contacts: after },
        before: { contacts: before },
        state: 'APPROVED',
        approverCategories: ['A', 'C'],
        preparedBy: actor.id,
        decidedBy: actor.id,
        decidedAt: DateTime.utc(),
      },
      { client: trx }
    )
    await promoteReadyRoleCases(trx, party.partyId)
    await notifyParty(
      trx,
      party.partyId,
      {
        title: '24-hour credit contacts changed',
        body: `${actor.fullName} named ${after.map((c) => c.fullName).join(' and ')}.`,
        link: `/customer/parties/${party.partyId}/credit`,
      },
      { categories: ['A', 'C'], except: actor.id }
    )
    await audit(trx, actor, {
      action: 'credit.submit_contacts',
      subjectType: 'change_request',
      subjectId: request.id,
      partyId: party.partyId,
      before: { contacts: before },
      after: { contacts: after },
    })
    return request
  })
}
