import { createHash, randomBytes } from 'node:crypto'
import { DateTime } from 'luxon'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import Invitation from '#customer/models/invitation'
import { sendMail } from '#core/mail/send_mail'
import { renderMail } from '#core/mail/mail_body'
import { appUrl } from '#core/mail/app_url'
import { leadTimeOn, today } from './lead_times.js'

/**
 * One-time portal invitations (customer.md §6.4): the e-mail carries a random
 * token; only its SHA-256 is stored, so the outbox is the only place the link
 * exists. The expiry is the dated `invitation_expiry` parameter.
 */
export function hashToken(token: string) {
  return createHash('sha256').update(token).digest('hex')
}

export async function sendInvitation(
  trx: TransactionClientContract,
  invite: {
    partyId: string
    partyName: string
    email: string
    fullName: string
    portalRole: 'assistant' | 'signatory'
    invitedBy: number | null
    userId?: number | null
  }
) {
  const token = randomBytes(32).toString('base64url')
  const rule = await leadTimeOn('invitation_expiry', today(), trx)
  const invitation = await Invitation.create(
    {
      partyId: invite.partyId,
      email: invite.email.toLowerCase(),
      fullName: invite.fullName,
      portalRole: invite.portalRole,
      tokenHash: hashToken(token),
      state: 'INVITED',
      invitedBy: invite.invitedBy,
      userId: invite.userId ?? null,
      expiresAt: DateTime.utc().plus({ days: rule?.value ?? 7 }),
    },
    { client: trx }
  )
  const link = appUrl(`/customer/invitations/${token}`)
  const content = renderMail({
    greeting: `Hello ${invite.fullName},`,
    paragraphs: [
      `You have been invited to the Kinnect Open portal as ${invite.portalRole === 'assistant' ? 'an assistant' : 'an authorised signatory'} for ${invite.partyName}.`,
      'Open the link to choose your password. The link works once and expires in a few days.',
    ],
    action: { label: 'Accept the invitation', url: link },
  })
  await sendMail(
    {
      to: invite.email,
      subject: `Your Kinnect Open invitation for ${invite.partyName}`,
      ...content,
    },
    { client: trx }
  )
  return invitation
}
