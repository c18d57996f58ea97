import vine from '@vinejs/vine'
import { isoDate, messages } from './rules.js'

/** Authorised signatories and portal access (customer.md §6). */
export const proposeSignatoryValidator = vine.create({
  fullName: vine.string().trim().minLength(2).maxLength(200),
  email: vine.string().trim().email().maxLength(254),
  jobTitle: vine.string().trim().maxLength(120).optional(),
  categories: vine
    .array(
      vine
        .string()
        .trim()
        .toUpperCase()
        .regex(/^[A-Z]$/)
    )
    .minLength(1)
    .distinct(),
  startDate: isoDate(),
  directorsLetter: vine.file({ size: '10mb', extnames: ['pdf'] }).optional(),
})

export const endDateAuthorisationValidator = vine.create({
  endDate: isoDate(),
})

export const inviteUserValidator = vine.create({
  fullName: vine.string().trim().minLength(2).maxLength(200),
  email: vine.string().trim().email().maxLength(254),
})

export const confirmSignatoriesValidator = vine.create({
  note: vine.string().trim().maxLength(2000).optional(),
})

for (const validator of [
  proposeSignatoryValidator,
  endDateAuthorisationValidator,
  inviteUserValidator,
  confirmSignatoriesValidator,
]) {
  validator.messagesProvider = messages
}
