import { randomBytes } from 'node:crypto'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import User from '#core/auth/user'
import Party from '#customer/models/party'
import SignatoryAuthorisation from '#customer/models/signatory_authorisation'
import type ChangeRequest from '#customer/models/change_request'
import { sendInvitation } from './invitations.js'
import { notify } from '#core/notifications/notify'
import { JourneyError } from './journey_error.js'
import { notifyParty } from './notify_party.js'

/**
 * Makes an approved nomination effective (customer.md §6.1): one authorisation
 * row per category from the start date and the nominee's portal role becomes
 * `signatory`. The portal is for assistants and Category A signatories
 * (§2.2): a new Cat A gets an invitation (MFA is then enforced by the core
 * `mfa` middleware); other signatories are registered without access, which
 * a Cat A may grant later (§6.4).
 */
export async function applySignatory(
  trx: TransactionClientContract,
  request: ChangeRequest,
  approvedBy: number
) {
  const { email, fullName, categories, startDate } = request.change as {
    email: string
    fullName: string
    categories: string[]
    startDate: string
  }
  const party = await Party.query({ client: trx }).where('party_id', request.partyId).firstOrFail()
  let user = await User.query({ client: trx }).where('email', email).first()
  if (user && user.partyId !== party.partyId)
    throw new JourneyError('This person already has a portal account for another organisation')
  const isNew = !user
  if (!user) {
    user = await User.create(
      {
        email,
        fullName,
        role: 'signatory',
        partyId: party.partyId,
        password: randomBytes(32).toString('hex'),
      },
      { client: trx }
    )
  } else if (user.role === 'assistant') {
    user.role = 'signatory'
    await user.useTransaction(trx).save()
  }

  for (const category of categories) {
    const overlapping = await trx
      .from('customer_signatory_authorisations')
      .where('party_id', party.partyId)
      .where('user_id', user.id)
      .where('category', category)
      .where('status', 'active')
      .where((q) => q.whereNull('end_date').orWhere('end_date', '>=', startDate))
      .first()
    if (overlapping)
      throw new JourneyError(`${fullName} already holds category ${category} on ${startDate}`)
    await SignatoryAuthorisation.create(
      {
        partyId: party.partyId,
        userId: user.id,
        category,
        startDate,
        endDate: null,
        status: 'active',
        proposedBy: request.preparedBy,
        approvedBy,
      },
      { client: trx }
    )
  }
  if (isNew && categories.includes('A')) {
    await sendInvitation(trx, {
      partyId: party.partyId,
      partyName: party.name,
      email,
      fullName,
      portalRole: 'signatory',
      invitedBy: approvedBy,
      userId: user.id,
    })
  } else if (isNew) {
    await notifyParty(
      trx,
      party.partyId,
      {
        title: `${fullName} is an authorised signatory`,
        body: `Categories ${categories.join(', ')} from ${startDate}, without portal access: a Category A can grant it.`,
        link: `/customer/parties/${party.partyId}/signatories`,
      },
      { categoryA: true }
    )
  } else {
    await notify(
      user,
      {
        title: 'You are an authorised signatory',
        body: `Categories ${categories.join(', ')} for ${party.name} from ${startDate}.`,
        link: '/customer/signatories',
      },
      { client: trx }
    )
  }
  return user
}
