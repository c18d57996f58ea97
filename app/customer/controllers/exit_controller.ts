import type { HttpContext } from '@adonisjs/core/http'
import ExitPolicy from '#customer/policies/exit_policy'
import ExitCase from '#customer/models/exit_case'
import { ownedRecord, partyFor } from '#customer/support/parties'
import { presentParty, viewer } from '#customer/queries/party_overview'
import { exitChecklist } from '#customer/journeys/exit_conditions'
import { applyLeadTime, leadTimeOn, today } from '#customer/support/lead_times'
import { finalCheckAt } from '#customer/support/final_check'
import { FIELD_HELP } from '#customer/reference/field_help'
import {
  confirmWithdrawalValidator,
  LICENCE_ENDINGS,
  licenceEndValidator,
  withdrawalNoticeValidator,
} from '#customer/validators/exit_validators'
import { reasonValidator } from '#customer/validators/entry_validators'
import serveWithdrawalNotice from '#customer/actions/exit/serve_withdrawal_notice'
import revokeWithdrawalNotice from '#customer/actions/exit/revoke_withdrawal_notice'
import confirmWithdrawal from '#customer/actions/exit/confirm_withdrawal'
import rejectWithdrawal from '#customer/actions/exit/reject_withdrawal'
import recordLicenceEnd from '#customer/actions/exit/record_licence_end'
import { authorize, done, show } from './respond.js'

/** Market exit (customer.md §10): the checklist of blocking conditions, the notice, the decision. */
export default class ExitController {
  async show(ctx: HttpContext) {
    const user = ctx.auth.getUserOrFail()
    const party = await partyFor(user, ctx.params.partyId)
    const rule = await leadTimeOn('withdrawal_notice', today())
    const earliest = rule ? applyLeadTime(rule, today()) : null
    const cases = await ExitCase.query().where('party_id', party.partyId).orderBy('id', 'desc')
    const open = cases.find((c) => c.state === 'NOTICE_SERVED')
    const checkedFor = open?.withdrawalDate ?? earliest ?? today()
    const checklist = await exitChecklist(party.partyId, checkedFor, open)
    return show(ctx, 'customer/exit', {
      party: presentParty(party),
      viewer: await viewer(user),
      noticePeriod: rule
        ? { value: rule.value, unit: rule.unit, effectiveFrom: rule.effectiveFrom }
        : null,
      earliestWithdrawalDate: earliest,
      checkedFor,
      checklist,
      cases: cases.map((c) => ({
        ...c.serialize(),
        finalCheckAt: finalCheckAt(c.withdrawalDate).toFormat('yyyy-MM-dd HH:mm'),
      })),
      licence: {
        status: party.licenceStatus,
        number: party.licenceNumber,
        endedOn: party.licenceEndedOn,
      },
      licenceEndings: LICENCE_ENDINGS,
      help: FIELD_HELP,
    })
  }

  async serve(ctx: HttpContext) {
    const user = ctx.auth.getUserOrFail()
    await partyFor(user, ctx.params.partyId)
    await authorize(ctx, ExitPolicy, 'serve')
    const input = await ctx.request.validateUsing(withdrawalNoticeValidator)
    return done(
      ctx,
      'Withdrawal Notice served',
      await serveWithdrawalNotice(user, ctx.params.partyId, input),
      { status: 201 }
    )
  }

  async revoke(ctx: HttpContext) {
    const user = await this.forCase(ctx, 'serve')
    return done(ctx, 'Withdrawal Notice revoked', await revokeWithdrawalNotice(user, ctx.params.id))
  }

  async confirm(ctx: HttpContext) {
    const user = await this.forCase(ctx, 'operate')
    const { transferReference } = await ctx.request.validateUsing(confirmWithdrawalValidator)
    return done(
      ctx,
      'Withdrawal confirmed',
      await confirmWithdrawal(user, ctx.params.id, transferReference ?? null)
    )
  }

  async reject(ctx: HttpContext) {
    const user = await this.forCase(ctx, 'operate')
    const { reason } = await ctx.request.validateUsing(reasonValidator)
    return done(ctx, 'Withdrawal rejected', await rejectWithdrawal(user, ctx.params.id, reason))
  }

  async recordLicenceEnd(ctx: HttpContext) {
    const user = ctx.auth.getUserOrFail()
    await partyFor(user, ctx.params.partyId)
    await authorize(ctx, ExitPolicy, 'operate')
    const input = await ctx.request.validateUsing(licenceEndValidator)
    const party = await recordLicenceEnd(user, ctx.params.partyId, input)
    return done(ctx, `Licence ${input.licenceStatus.replace('_', ' ')} recorded`, {
      partyId: party.partyId,
      licenceStatus: party.licenceStatus,
      licenceEndedOn: party.licenceEndedOn,
    })
  }

  private async forCase(ctx: HttpContext, ability: 'serve' | 'operate') {
    const user = ctx.auth.getUserOrFail()
    await ownedRecord(user, ExitCase, ctx.params.id)
    await authorize(ctx, ExitPolicy, ability)
    return user
  }
}
