import vine from '@vinejs/vine'
import { isoDate, messages } from './rules.js'

/** Credit Cover, the 24-hour credit contacts form and BSC charge payments (customer.md §9, §10). */
const pounds = () => vine.number().positive().decimal([0, 2]).max(10_000_000_000)

export const CREDIT_INSTRUMENTS = ['cash', 'letter_of_credit']

export const creditLodgementValidator = vine.create({
  amount: pounds(),
  effectiveOn: isoDate(),
  instrument: vine.enum(CREDIT_INSTRUMENTS),
  reference: vine.string().trim().minLength(3).maxLength(100),
})

export const creditWithdrawalValidator = vine.create({
  amount: pounds(),
  effectiveOn: isoDate(),
  reference: vine.string().trim().maxLength(100).optional(),
})

export const creditContactsValidator = vine.create({
  contacts: vine
    .array(
      vine.object({
        fullName: vine.string().trim().minLength(2).maxLength(200),
        email: vine.string().trim().email().maxLength(254),
        phone: vine
          .string()
          .trim()
          .regex(/^\+?[0-9 ()-]{7,20}$/),
        jobTitle: vine.string().trim().maxLength(120).optional(),
      })
    )
    .minLength(2)
    .maxLength(4)
    .distinct('email'),
})

export const bscChargePaymentValidator = vine.create({
  amount: pounds(),
  paidOn: isoDate(),
  reference: vine.string().trim().minLength(3).maxLength(100),
})

for (const validator of [
  creditLodgementValidator,
  creditWithdrawalValidator,
  creditContactsValidator,
  bscChargePaymentValidator,
]) {
  validator.messagesProvider = messages
}
