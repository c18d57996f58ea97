import vine, { SimpleMessagesProvider } from '@vinejs/vine'
import type { FieldContext } from '@vinejs/vine/types'
import {
  COMPANY_NUMBER_GB,
  UK_POSTCODE,
  isValidGbVat,
  isValidMsid,
  msidCheckDigit,
} from '#customer/reference/identifiers'

/**
 * Field rules shared by the customer validators, each failing with a message
 * that tells the user what a valid value looks like.
 */
function report(field: FieldContext, message: string, rule: string) {
  field.report(message, rule, field)
}

/** Companies House format when registered in GB, free text (≤ 20) elsewhere. */
export const companyNumber = vine.createRule((value, _options, field) => {
  if (typeof value !== 'string') return
  const country = field.parent?.country ?? 'GB'
  if (country === 'GB' && !COMPANY_NUMBER_GB.test(value)) {
    report(
      field,
      'A UK company number is 8 digits, or 2 letters and 6 digits (e.g. 15234567 or SC123456)',
      'companyNumber'
    )
  }
})

export const vatNumber = vine.createRule((value, _options, field) => {
  if (typeof value !== 'string' || value.toLowerCase() === 'not available') return
  if (!/^GB(\d{9}|\d{12})$/.test(value)) {
    report(
      field,
      'A GB VAT number is GB followed by 9 (or 12) digits, or write "Not available"',
      'vatNumber'
    )
  } else if (!isValidGbVat(value)) {
    report(
      field,
      'This VAT number fails the HMRC check-digit test: please check it',
      'vatCheckDigit'
    )
  }
})

export const ukPostcode = vine.createRule((value, _options, field) => {
  if (typeof value !== 'string') return
  const normalised = value.toUpperCase().replace(/\s+/g, ' ').trim()
  if (!UK_POSTCODE.test(normalised))
    report(field, 'Not a valid UK postcode (e.g. SW1A 1AA)', 'postcode')
  else field.mutate(normalised, field)
})

export const msid = vine.createRule((value, _options, field) => {
  if (typeof value !== 'string') return
  if (!/^\d{13}$/.test(value))
    return report(field, 'An MSID (MPAN core) has exactly 13 digits', 'msid')
  if (!isValidMsid(value)) {
    report(
      field,
      `The check digit is wrong (expected ${msidCheckDigit(value)} as the 13th digit)`,
      'msidCheckDigit'
    )
  }
})

export const address = () =>
  vine.object({
    line1: vine.string().trim().minLength(1).maxLength(120),
    line2: vine.string().trim().maxLength(120).optional(),
    town: vine.string().trim().minLength(1).maxLength(80),
    postcode: vine.string().trim().use(ukPostcode()),
  })

export const messages = new SimpleMessagesProvider({
  'required': 'This field is required',
  'string': 'This field must be text',
  'email': 'Enter a valid e-mail address',
  'maxLength': 'At most {{ max }} characters',
  'minLength': 'At least {{ min }} characters',
  'regex': 'This value does not have the expected format',
  'enum': 'Choose one of: {{ choices }}',
  'number': 'This field must be a number',
  'min': 'Must be at least {{ min }}',
  'positive': 'Must be more than zero',
  'decimal': 'At most two decimals (whole pence)',
  'distinct': 'Each entry only once',
  'array.maxLength': 'At most {{ max }}',
  'contacts.array.minLength': 'Name at least {{ min }} 24-hour credit contacts',
  'max': 'Must be at most {{ max }}',
  'boolean': 'This field must be yes or no',
  'accepted': 'This must be confirmed',
  'file.size': 'The file must not be larger than {{ size }}',
  'file.extname': 'The file must be a PDF document',
  'file.file.extname': 'The file must be a CSV file (.csv)',
  'array.minLength': 'Choose at least {{ min }}',
  'date': 'Enter a date as YYYY-MM-DD',
  '*.regex': 'This value does not have the expected format',
  'sortCode.regex': 'A sort code is 6 digits, without dashes',
  'accountNumber.regex': 'An account number is 8 digits',
  'partyId.regex': 'A Party ID is 3 to 8 upper-case letters or digits',
  'participantCode.regex': 'A participant code is 4 upper-case letters or digits',
  'effectiveFrom.regex': 'Enter a date as YYYY-MM-DD',
  'effectiveTo.regex': 'Enter a date as YYYY-MM-DD',
  'targetEffectiveFrom.regex': 'Enter a date as YYYY-MM-DD',
  'withdrawalDate.regex': 'Enter a date as YYYY-MM-DD',
})

/** A valid calendar date in yyyy-MM-dd form. */
export const isoDate = () =>
  vine
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .use(realDate())

const realDate = vine.createRule((value, _options, field) => {
  if (typeof value !== 'string') return
  const parsed = new Date(`${value}T00:00:00Z`)
  if (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== value) {
    report(field, 'This is not a real calendar date', 'date')
  }
})
