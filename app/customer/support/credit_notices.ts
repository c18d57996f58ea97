import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { sendMail } from '#core/mail/send_mail'
import { renderMail } from '#core/mail/mail_body'
import type CreditDefault from '#customer/models/credit_default'
import type Party from '#customer/models/party'
import { creditContacts, type CreditPosition } from './credit.js'
import { notifyParty } from './notify_party.js'

/**
 * Who hears of a credit default change (customer.md §11.2): the party's Cat A
 * and C signatories in the portal and by e-mail, and its 24-hour credit
 * contacts (people without a login) by e-mail, so it can be handled at once.
 */
export async function notifyCreditDefault(
  trx: TransactionClientContract,
  party: Party,
  episode: CreditDefault,
  position: CreditPosition
) {
  const title =
    episode.state === 'CLEARED'
      ? `Credit Default cleared: ${party.name}`
      : `Level ${episode.state.slice(-1)} Credit Default: ${party.name}`
  const body =
    episode.state === 'CLEARED'
      ? `${position.summary}. The default that began on ${episode.startedOn} has ended.`
      : `${position.summary} (Level 1 above ${position.thresholds.level1} %, Level 2 above ${position.thresholds.level2} %). In default since ${episode.startedOn}: lodge more Credit Cover or pay what is owed.`
  await notifyParty(
    trx,
    party.partyId,
    { title, body, link: `/customer/parties/${party.partyId}/credit` },
    { categories: ['A', 'C'] }
  )
  for (const contact of await creditContacts(party.partyId, trx)) {
    await sendMail(
      {
        to: contact.email,
        subject: title,
        ...renderMail({
          greeting: `Hello ${contact.fullName},`,
          paragraphs: [
            `You are a 24-hour credit contact of ${party.name} (${party.partyId}).`,
            body,
          ],
        }),
      },
      { client: trx }
    )
  }
}
