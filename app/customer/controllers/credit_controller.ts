import type { HttpContext } from '@adonisjs/core/http'
import CreditPolicy from '#customer/policies/credit_policy'
import CreditCoverMovement from '#customer/models/credit_cover_movement'
import { ownedRecord, partyFor } from '#customer/support/parties'
import { creditPage } from '#customer/queries/credit_pages'
import {
  bscChargePaymentValidator,
  creditContactsValidator,
  creditLodgementValidator,
  creditWithdrawalValidator,
} from '#customer/validators/credit_validators'
import { reasonValidator } from '#customer/validators/entry_validators'
import recordCreditLodgement from '#customer/actions/credit/record_credit_lodgement'
import requestCreditWithdrawal from '#customer/actions/credit/request_credit_withdrawal'
import recordCreditWithdrawal from '#customer/actions/credit/record_credit_withdrawal'
import refuseCreditWithdrawal from '#customer/actions/credit/refuse_credit_withdrawal'
import submitCreditContacts from '#customer/actions/credit/submit_credit_contacts'
import evaluateCreditDefault from '#customer/actions/credit/evaluate_credit_default'
import recordBscChargePayment from '#customer/actions/credit/record_bsc_charge_payment'
import { authorize, done, show } from './respond.js'

type Ability = 'requestWithdrawal' | 'creditContacts' | 'operate'

/** Credit Cover, credit defaults, the 24-hour credit contacts and BSC charges (customer.md §9). */
export default class CreditController {
  async show(ctx: HttpContext) {
    const user = ctx.auth.getUserOrFail()
    return show(
      ctx,
      'customer/credit',
      await creditPage(user, await partyFor(user, ctx.params.partyId))
    )
  }

  async lodge(ctx: HttpContext) {
    const user = await this.forParty(ctx, 'operate')
    const input = await ctx.request.validateUsing(creditLodgementValidator)
    const movement = await recordCreditLodgement(user, ctx.params.partyId, input)
    await evaluateCreditDefault(ctx.params.partyId, undefined, user)
    return done(ctx, 'Credit Cover lodgement recorded', movement, { status: 201 })
  }

  async requestWithdrawal(ctx: HttpContext) {
    const user = await this.forParty(ctx, 'requestWithdrawal')
    const input = await ctx.request.validateUsing(creditWithdrawalValidator)
    return done(
      ctx,
      'Withdrawal requested: Elexon records it once it has checked the indebtedness',
      await requestCreditWithdrawal(user, ctx.params.partyId, input),
      { status: 201 }
    )
  }

  async recordWithdrawal(ctx: HttpContext) {
    const user = await this.forMovement(ctx)
    return done(
      ctx,
      'Credit Cover withdrawal recorded',
      await recordCreditWithdrawal(user, ctx.params.id)
    )
  }

  async refuseWithdrawal(ctx: HttpContext) {
    const user = await this.forMovement(ctx)
    const { reason } = await ctx.request.validateUsing(reasonValidator)
    return done(
      ctx,
      'Credit Cover withdrawal refused',
      await refuseCreditWithdrawal(user, ctx.params.id, reason)
    )
  }

  async creditContacts(ctx: HttpContext) {
    const user = await this.forParty(ctx, 'creditContacts')
    const input = await ctx.request.validateUsing(creditContactsValidator)
    return done(
      ctx,
      '24-hour credit contacts saved',
      await submitCreditContacts(user, ctx.params.partyId, input),
      { status: 201 }
    )
  }

  async evaluate(ctx: HttpContext) {
    const user = await this.forParty(ctx, 'operate')
    const result = await evaluateCreditDefault(ctx.params.partyId, undefined, user)
    const message =
      result.position.level === null
        ? result.position.summary
        : result.changed
          ? `Credit default level now ${result.position.level}`
          : `No change: ${result.position.summary}`
    return done(ctx, message, { position: result.position, episode: result.episode })
  }

  async recordPayment(ctx: HttpContext) {
    const user = await this.forParty(ctx, 'operate')
    const input = await ctx.request.validateUsing(bscChargePaymentValidator)
    return done(
      ctx,
      'BSC charges payment recorded',
      await recordBscChargePayment(user, ctx.params.partyId, input),
      { status: 201 }
    )
  }

  private async forParty(ctx: HttpContext, ability: Ability) {
    const user = ctx.auth.getUserOrFail()
    await partyFor(user, ctx.params.partyId)
    await authorize(ctx, CreditPolicy, ability)
    return user
  }

  private async forMovement(ctx: HttpContext) {
    const user = ctx.auth.getUserOrFail()
    await ownedRecord(user, CreditCoverMovement, ctx.params.id)
    await authorize(ctx, CreditPolicy, 'operate')
    return user
  }
}
