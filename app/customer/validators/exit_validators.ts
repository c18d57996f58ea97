import vine from '@vinejs/vine'
import { isoDate, messages } from './rules.js'

/** Market exit and the dated parameters it depends on (customer.md §10, §15). */
export const withdrawalNoticeValidator = vine.create({
  withdrawalDate: isoDate(),
})

export const leadTimeRuleValidator = vine.create({
  kind: vine.enum([
    'eoi_triage',
    'accession_check',
    'role_registration',
    'cva_test_booking',
    'primary_bm_unit_registration',
    'msid_pair_allocation',
    'draft_approval',
    'invitation_expiry',
    'record_retention',
    'withdrawal_notice',
  ]),
  value: vine.number().withoutDecimals().min(0).max(1000),
  unit: vine.enum(['working_days', 'days', 'months']),
  effectiveFrom: isoDate(),
  reference: vine.string().trim().minLength(3).maxLength(500),
})

for (const validator of [withdrawalNoticeValidator, leadTimeRuleValidator]) {
  validator.messagesProvider = messages
}
