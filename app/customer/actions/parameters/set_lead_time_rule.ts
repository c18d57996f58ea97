import db from '@adonisjs/lucid/services/db'
import type { Infer } from '@vinejs/vine/types'
import type User from '#core/auth/user'
import LeadTimeRule from '#customer/models/lead_time_rule'
import { audit } from '#customer/support/audit'
import { fieldError } from '#customer/support/journey_error'
import { PARAMETER_KINDS } from '#customer/reference/parameters'
import type { leadTimeRuleValidator } from '#customer/validators/exit_validators'

/** An operator records a dated parameter (e.g. the withdrawal notice period, customer.md §15) in a unit its kind allows. */
export default async function setLeadTimeRule(
  actor: User,
  input: Infer<typeof leadTimeRuleValidator>
) {
  return db.transaction(async (trx) => {
    const { units } = PARAMETER_KINDS[input.kind]
    if (!units.includes(input.unit))
      fieldError('unit', `${input.kind} is measured in ${units.join(' or ')}`, 'unit')
    if (
      await trx
        .from('customer_lead_time_rules')
        .where('kind', input.kind)
        .where('effective_from', input.effectiveFrom)
        .first()
    ) {
      fieldError(
        'effectiveFrom',
        `A ${input.kind} value already starts on ${input.effectiveFrom}`,
        'unique'
      )
    }
    const rule = await LeadTimeRule.create({ ...input, setBy: actor.id }, { client: trx })
    await audit(trx, actor, {
      action: 'parameters.set_lead_time',
      subjectType: 'lead_time_rule',
      subjectId: rule.id,
      partyId: null,
      after: rule.serialize(),
    })
    return rule
  })
}
