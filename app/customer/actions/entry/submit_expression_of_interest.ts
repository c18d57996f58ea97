import { randomBytes } from 'node:crypto'
import db from '@adonisjs/lucid/services/db'
import Party from '#customer/models/party'
import { ENTRY, assertTransition } from '#customer/journeys/machines'
import { audit } from '#customer/support/audit'
import { openTask } from '#customer/support/tasks'
import { sendMail } from '#core/mail/send_mail'
import { renderMail } from '#core/mail/mail_body'
import type { Infer } from '@vinejs/vine/types'
import type { expressionOfInterestValidator } from '#customer/validators/entry_validators'

/**
 * E1: a prospect's Expression of Interest creates the prospect (provisional id
 * `EOI-…`) and the operator's triage task (due: `eoi_triage` working days).
 * A company number or e-mail domain already known is flagged, not blocked.
 */
export default async function submitExpressionOfInterest(
  input: Infer<typeof expressionOfInterestValidator>
) {
  assertTransition(ENTRY, 'submit_expression_of_interest', null)
  return db.transaction(async (trx) => {
    const reference = `EOI-${randomBytes(4).toString('hex').toUpperCase()}`
    const domain = input.email.split('@')[1].toLowerCase()
    const duplicates = await trx
      .from('customer_parties')
      .where((q) => {
        if (input.registeredNumber) q.where('registered_number', input.registeredNumber)
        q.orWhere('prospect_contact_email', 'like', `%@${domain}`)
      })
      .select('party_id', 'name')

    const party = await Party.create(
      {
        partyId: reference,
        caseReference: reference,
        name: input.companyName,
        status: 'prospect',
        entryState: 'EOI_SUBMITTED',
        country: input.country,
        registeredNumber: input.registeredNumber ?? null,
        prospectContactName: input.contactName,
        prospectContactEmail: input.email.toLowerCase(),
        intendedRoles: input.intendedRoles,
        stateReason: input.message ?? null,
      },
      { client: trx }
    )
    const flag = duplicates.length
      ? ` Possible duplicate of ${duplicates.map((d: any) => `${d.name} (${d.party_id})`).join(', ')}.`
      : ''
    await openTask(trx, {
      partyId: party.partyId,
      caseType: 'entry',
      caseId: party.partyId,
      kind: 'triage_eoi',
      title: `Triage the expression of interest from ${party.name}`,
      reason: `Invite the assistant within the published service level.${flag}`,
      assignee: 'operator',
      leadTime: 'eoi_triage',
    })
    await audit(trx, null, {
      action: 'entry.submit_expression_of_interest',
      subjectType: 'party',
      subjectId: party.partyId,
      partyId: party.partyId,
      after: {
        entryState: party.entryState,
        name: party.name,
        intendedRoles: input.intendedRoles,
        duplicates: duplicates.length,
      },
    })
    const content = renderMail({
      greeting: `Hello ${input.contactName},`,
      paragraphs: [
        `We have received the expression of interest of ${party.name} (reference ${reference}).`,
        'An Elexon operator will review it and invite you to the portal to prepare your accession.',
      ],
    })
    await sendMail(
      { to: input.email, subject: `Expression of interest received (${reference})`, ...content },
      { client: trx }
    )
    return party
  })
}
