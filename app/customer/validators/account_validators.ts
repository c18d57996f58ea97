import vine from '@vinejs/vine'
import { ACCOUNT_NUMBER } from '#customer/reference/identifiers'
import { address, isoDate, messages, vatNumber } from './rules.js'

/** My Account (customer.md §4.2): company details, contacts, bank details. */
/** 40-12-76, 40 12 76 or 401276; stored as 6 digits. */
const SORT_CODE_INPUT = /^\d{2}[- ]?\d{2}[- ]?\d{2}$/

/** The 24-hour credit contacts (`credit_24h`) are named only through the credit contacts form. */
export const CONTACT_TYPES = [
  'primary',
  'operational',
  'invoice',
  'settlement_queries',
  'bm_unit_queries',
]

export const companyDetailsValidator = vine.create({
  name: vine.string().trim().minLength(2).maxLength(120),
  vatNumber: vine
    .string()
    .trim()
    .toUpperCase()
    .use(vatNumber())
    .transform((value) => (value === 'NOT AVAILABLE' ? 'Not available' : value)),
  registeredAddress: address(),
  correspondenceAddress: address().optional(),
  invoiceAddress: address().optional(),
})

export const contactValidator = vine.create({
  fullName: vine.string().trim().minLength(2).maxLength(200),
  jobTitle: vine.string().trim().maxLength(120).optional(),
  email: vine.string().trim().email().maxLength(254),
  phone: vine
    .string()
    .trim()
    .regex(/^\+?[0-9 ()-]{7,20}$/)
    .optional(),
  contactTypes: vine.array(vine.string().in(CONTACT_TYPES)).minLength(1).distinct(),
})

export const endContactValidator = vine.create({
  effectiveTo: isoDate(),
})

export const bankAccountValidator = vine.create({
  purpose: vine.enum(['trading', 'bsc']),
  accountName: vine.string().trim().minLength(2).maxLength(120),
  sortCode: vine
    .string()
    .trim()
    .regex(SORT_CODE_INPUT)
    .transform((value) => value.replace(/[\s-]/g, '')),
  accountNumber: vine.string().trim().regex(ACCOUNT_NUMBER),
  bankName: vine.string().trim().minLength(2).maxLength(120),
})

export const decisionReasonValidator = vine.create({
  reason: vine.string().trim().maxLength(2000).optional(),
})

for (const validator of [
  companyDetailsValidator,
  contactValidator,
  endContactValidator,
  bankAccountValidator,
  decisionReasonValidator,
]) {
  validator.messagesProvider = messages
}
