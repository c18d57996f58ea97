import type { HttpContext } from '@adonisjs/core/http'
import db from '@adonisjs/lucid/services/db'
import ExitPolicy from '#customer/policies/exit_policy'
import ExitCase from '#customer/models/exit_case'
import { ownedRecord, partyFor } from '#customer/support/parties'
import { presentParty, viewer } from '#customer/queries/party_overview'
import { exitBlockers } from '#customer/journeys/exit_conditions'
import { applyLeadTime, leadTimeOn, today } from '#customer/support/lead_times'
import { FIELD_HELP } from '#customer/reference/field_help'
import { withdrawalNoticeValidator } from '#customer/validators/exit_validators'
import { reasonValidator } from '#customer/validators/entry_validators'
import serveWithdrawalNotice from '#customer/actions/exit/serve_withdrawal_notice'
import revokeWithdrawalNotice from '#customer/actions/exit/revoke_withdrawal_notice'
import confirmWithdrawal from '#customer/actions/exit/confirm_withdrawal'
import rejectWithdrawal from '#customer/actions/exit/reject_withdrawal'
import { authorize, done, show } from './respond.js'

/** Market exit (customer.md §10): the checklist of blocking conditions, the notice, the decision. */
export default class ExitController {
  async show(ctx: HttpContext) {
    const user = ctx.auth.getUserOrFail()
    const party = await partyFor(user, ctx.params.partyId)
    const rule = await leadTimeOn('withdrawal_notice', today())
    const earliest = rule ? applyLeadTime(rule, today()) : null
    const cases = await ExitCase.query().where('party_id', party.partyId).orderBy('id', 'desc')
    const checklist = await db.transaction(async (trx) =>
      exitBlockers(trx, party.partyId, earliest ?? today())
    )
    return show(ctx, 'customer/exit', {
      party: presentParty(party),
      viewer: await viewer(user),
      noticePeriod: rule
        ? { value: rule.value, unit: rule.unit, effectiveFrom: rule.effectiveFrom }
        : null,
      earliestWithdrawalDate: earliest,
      checklist,
      cases: cases.map((c) => c.serialize()),
      help: FIELD_HELP,
    })
  }

  async serve(ctx: HttpContext) {
    const user = ctx.auth.getUserOrFail()
    await partyFor(user, ctx.params.partyId)
    await authorize(ctx, ExitPolicy, 'serve')
    const { withdrawalDate } = await ctx.request.validateUsing(withdrawalNoticeValidator)
    return done(
      ctx,
      'Withdrawal Notice served',
      await serveWithdrawalNotice(user, ctx.params.partyId, withdrawalDate),
      { status: 201 }
    )
  }

  async revoke(ctx: HttpContext) {
    const user = await this.forCase(ctx, 'serve')
    return done(ctx, 'Withdrawal Notice revoked', await revokeWithdrawalNotice(user, ctx.params.id))
  }

  async confirm(ctx: HttpContext) {
    const user = await this.forCase(ctx, 'operate')
    return done(ctx, 'Withdrawal confirmed', await confirmWithdrawal(user, ctx.params.id))
  }

  async reject(ctx: HttpContext) {
    const user = await this.forCase(ctx, 'operate')
    const { reason } = await ctx.request.validateUsing(reasonValidator)
    return done(ctx, 'Withdrawal rejected', await rejectWithdrawal(user, ctx.params.id, reason))
  }

  private async forCase(ctx: HttpContext, ability: 'serve' | 'operate') {
    const user = ctx.auth.getUserOrFail()
    await ownedRecord(user, ExitCase, ctx.params.id)
    await authorize(ctx, ExitPolicy, ability)
    return user
  }
}
