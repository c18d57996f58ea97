import type { HttpContext } from '@adonisjs/core/http'
import LeadTimeRule from '#customer/models/lead_time_rule'
import { MACHINES } from '#customer/journeys/machines'
import { PARAMETER_KINDS } from '#customer/reference/parameters'
import { CASE_TYPES, workQueue } from '#customer/queries/work_queue'
import { leadTimeRuleValidator } from '#customer/validators/exit_validators'
import setLeadTimeRule from '#customer/actions/parameters/set_lead_time_rule'
import { done, show } from './respond.js'

/** The operator's work queue and the dated parameters (routes limited to operators and admins). */
export default class OperatorController {
  async queue(ctx: HttpContext) {
    const filters = {
      type: CASE_TYPES.includes(ctx.request.input('type')) ? ctx.request.input('type') : undefined,
      state: /^[A-Za-z0-9_]{2,30}$/.test(ctx.request.input('state') ?? '')
        ? ctx.request.input('state')
        : undefined,
      party: /^[A-Za-z0-9-]{3,12}$/.test(ctx.request.input('party') ?? '')
        ? ctx.request.input('party')
        : undefined,
      overdue: ['1', 'true', 'on'].includes(String(ctx.request.input('overdue'))),
      assignee:
        (['operator', 'party', 'all'] as const).find((a) => a === ctx.request.input('assignee')) ??
        'operator',
    }
    return show(ctx, 'customer/operator/queue', {
      filters,
      tasks: await workQueue(filters),
      caseTypes: CASE_TYPES,
      states: [...new Set(MACHINES.flatMap((m) => m.states))].sort(),
    })
  }

  async parameters(ctx: HttpContext) {
    const rules = await LeadTimeRule.query().orderBy('kind').orderBy('effective_from', 'desc')
    return show(ctx, 'customer/operator/parameters', {
      rules: rules.map((r) => r.serialize()),
      kinds: Object.entries(PARAMETER_KINDS).map(([kind, spec]) => ({ kind, ...spec })),
      machines: MACHINES,
    })
  }

  async setParameter(ctx: HttpContext) {
    const user = ctx.auth.getUserOrFail()
    const input = await ctx.request.validateUsing(leadTimeRuleValidator)
    return done(
      ctx,
      `${input.kind} set from ${input.effectiveFrom}`,
      await setLeadTimeRule(user, input),
      { status: 201 }
    )
  }
}
