import vine from '@vinejs/vine'
import { MARKET_ROLE_CODES } from '#customer/reference/market_roles'
import { PARTICIPANT_CODE } from '#customer/reference/identifiers'
import { isoDate, messages } from './rules.js'

/** Role registration and qualification (customer.md §5). */
export const openRoleCaseValidator = vine.create({
  roleCode: vine.string().in(MARKET_ROLE_CODES),
  targetEffectiveFrom: isoDate(),
  participantCode: vine.string().trim().toUpperCase().regex(PARTICIPANT_CODE).optional(),
})

export const advanceQualificationValidator = vine.create({
  state: vine
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z_]{3,30}$/),
  firstTestOn: isoDate().optional(),
  reason: vine.string().trim().maxLength(2000).optional(),
})

for (const validator of [openRoleCaseValidator, advanceQualificationValidator]) {
  validator.messagesProvider = messages
}
