import vine from '@vinejs/vine'
import { PARAMETER_KIND_NAMES, PARAMETER_UNITS } from '#customer/reference/parameters'
import { isoDate, messages } from './rules.js'

/** Market exit and the dated parameters it depends on (customer.md §10, §15). */
export const withdrawalNoticeValidator = vine.create({
  withdrawalDate: isoDate(),
  route: vine.enum(['standard', 'p414']).optional(),
  receivingPartyId: vine
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9]{3,8}$/)
    .optional()
    .requiredWhen('route', '=', 'p414'),
  licenceRevocationDate: isoDate().optional(),
})

/** P414 confirmations name the agreement that moved the liabilities. */
export const confirmWithdrawalValidator = vine.create({
  transferReference: vine.string().trim().minLength(3).maxLength(100).optional(),
})

export const LICENCE_ENDINGS = ['revoked', 'surrendered', 'application_closed']

export const licenceEndValidator = vine.create({
  licenceStatus: vine.enum(LICENCE_ENDINGS),
  endedOn: isoDate(),
  reference: vine.string().trim().minLength(3).maxLength(200),
})

export const leadTimeRuleValidator = vine.create({
  kind: vine.enum(PARAMETER_KIND_NAMES),
  value: vine.number().withoutDecimals().min(0).max(100_000_000),
  unit: vine.enum(PARAMETER_UNITS),
  effectiveFrom: isoDate(),
  reference: vine.string().trim().minLength(3).maxLength(500),
})

for (const validator of [
  withdrawalNoticeValidator,
  confirmWithdrawalValidator,
  licenceEndValidator,
  leadTimeRuleValidator,
]) {
  validator.messagesProvider = messages
}
