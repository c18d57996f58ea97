import vine from '@vinejs/vine'
import { MARKET_ROLE_CODES } from '#customer/reference/market_roles'
import { PARTY_ID } from '#customer/reference/identifiers'
import { address, companyNumber, isoDate, messages, vatNumber } from './rules.js'

/** Market entry (customer.md §3.1, §4.1). */
const companyName = () => vine.string().trim().minLength(2).maxLength(120)

export const expressionOfInterestValidator = vine.create({
  companyName: companyName(),
  country: vine
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/),
  registeredNumber: vine
    .string()
    .trim()
    .toUpperCase()
    .maxLength(20)
    .use(companyNumber())
    .optional(),
  contactName: vine.string().trim().minLength(2).maxLength(200),
  email: vine.string().trim().email().maxLength(254),
  intendedRoles: vine.array(vine.string().in(MARKET_ROLE_CODES)).minLength(1).distinct(),
  message: vine.string().trim().maxLength(2000).optional(),
})

export const inviteAssistantValidator = vine.create({
  fullName: vine.string().trim().minLength(2).maxLength(200).optional(),
  email: vine.string().trim().email().maxLength(254).optional(),
})

export const acceptInvitationValidator = vine.create({
  password: vine
    .string()
    .minLength(12)
    .maxLength(200)
    .confirmed({ confirmationField: 'passwordConfirmation' }),
})

export const accessionDetailsValidator = vine.create({
  name: companyName(),
  country: vine
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/),
  registeredNumber: vine.string().trim().toUpperCase().maxLength(20).use(companyNumber()),
  vatNumber: vine
    .string()
    .trim()
    .toUpperCase()
    .use(vatNumber())
    .transform((value) => (value === 'NOT AVAILABLE' ? 'Not available' : value)),
  licenceStatus: vine.enum(['held', 'applied_for', 'exempt', 'not_required']),
  licenceNumber: vine
    .string()
    .trim()
    .maxLength(40)
    .optional()
    .requiredWhen('licenceStatus', '=', 'held'),
  proposedPartyId: vine.string().trim().toUpperCase().regex(PARTY_ID),
  registeredAddress: address(),
  correspondenceAddress: address().optional(),
  invoiceAddress: address().optional(),
})

export const agreementUploadValidator = vine.create({
  agreement: vine.file({ size: '10mb', extnames: ['pdf'] }),
})

export const reasonValidator = vine.create({
  reason: vine.string().trim().minLength(3).maxLength(2000),
})

export const approveAccessionValidator = vine.create({
  partyId: vine.string().trim().toUpperCase().regex(PARTY_ID),
  agreementDatedOn: isoDate(),
})

for (const validator of [
  expressionOfInterestValidator,
  inviteAssistantValidator,
  acceptInvitationValidator,
  accessionDetailsValidator,
  agreementUploadValidator,
  reasonValidator,
  approveAccessionValidator,
]) {
  validator.messagesProvider = messages
}
