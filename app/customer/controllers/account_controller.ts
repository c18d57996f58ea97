import type { HttpContext } from '@adonisjs/core/http'
import AccountPolicy from '#customer/policies/account_policy'
import ChangeRequest from '#customer/models/change_request'
import Contact from '#customer/models/contact'
import { ownedRecord, partyFor } from '#customer/support/parties'
import { accountPage } from '#customer/queries/account_pages'
import { mask } from '#customer/support/apply_account_change'
import {
  bankAccountValidator,
  companyDetailsValidator,
  contactValidator,
  decisionReasonValidator,
  endContactValidator,
} from '#customer/validators/account_validators'
import proposeAccountChange from '#customer/actions/account/propose_account_change'
import approveAccountChange from '#customer/actions/account/approve_account_change'
import rejectAccountChange from '#customer/actions/account/reject_account_change'
import { authorize, done, show } from './respond.js'

/** My Account (customer.md §4.2): company details, contacts, bank details, with history and approvals. */
export default class AccountController {
  async show(ctx: HttpContext) {
    const user = ctx.auth.getUserOrFail()
    return show(
      ctx,
      'customer/account',
      await accountPage(user, await partyFor(user, ctx.params.partyId))
    )
  }

  async updateCompany(ctx: HttpContext) {
    const user = await this.forParty(ctx, 'prepare')
    const input = await ctx.request.validateUsing(companyDetailsValidator)
    return this.answer(
      ctx,
      await proposeAccountChange(user, ctx.params.partyId, 'company', null, input)
    )
  }

  async addContact(ctx: HttpContext) {
    const user = await this.forParty(ctx, 'prepare')
    const input = await ctx.request.validateUsing(contactValidator)
    return this.answer(
      ctx,
      await proposeAccountChange(user, ctx.params.partyId, 'contact', null, input)
    )
  }

  async updateContact(ctx: HttpContext) {
    const user = ctx.auth.getUserOrFail()
    const contact = await ownedRecord(user, Contact, ctx.params.id)
    await authorize(ctx, AccountPolicy, 'prepare')
    const input = await ctx.request.validateUsing(contactValidator)
    return this.answer(
      ctx,
      await proposeAccountChange(user, contact.partyId, 'contact', contact.id, input)
    )
  }

  async endContact(ctx: HttpContext) {
    const user = ctx.auth.getUserOrFail()
    const contact = await ownedRecord(user, Contact, ctx.params.id)
    await authorize(ctx, AccountPolicy, 'endContact')
    const input = await ctx.request.validateUsing(endContactValidator)
    return this.answer(
      ctx,
      await proposeAccountChange(user, contact.partyId, 'contact_end', contact.id, input)
    )
  }

  async addBankAccount(ctx: HttpContext) {
    const user = await this.forParty(ctx, 'prepareBankDetails')
    const input = await ctx.request.validateUsing(bankAccountValidator)
    return this.answer(
      ctx,
      await proposeAccountChange(user, ctx.params.partyId, 'bank_account', null, input)
    )
  }

  async approve(ctx: HttpContext) {
    const user = ctx.auth.getUserOrFail()
    const request = await ownedRecord(user, ChangeRequest, ctx.params.id)
    await authorize(ctx, AccountPolicy, 'decide', request)
    return done(ctx, 'Change approved', await approveAccountChange(user, ctx.params.id))
  }

  async reject(ctx: HttpContext) {
    const user = ctx.auth.getUserOrFail()
    const request = await ownedRecord(user, ChangeRequest, ctx.params.id)
    await authorize(ctx, AccountPolicy, 'decide', request)
    const { reason } = await ctx.request.validateUsing(decisionReasonValidator)
    return done(
      ctx,
      'Change rejected',
      await rejectAccountChange(user, ctx.params.id, reason ?? null)
    )
  }

  private async forParty(ctx: HttpContext, ability: 'prepare' | 'prepareBankDetails') {
    const user = ctx.auth.getUserOrFail()
    await partyFor(user, ctx.params.partyId)
    await authorize(ctx, AccountPolicy, ability)
    return user
  }

  private answer(ctx: HttpContext, request: ChangeRequest) {
    const message =
      request.state === 'APPROVED'
        ? 'Change applied'
        : 'Change prepared: it waits for a signatory to approve it'
    const data = request.serialize()
    if (request.subjectType === 'bank_account')
      data.change = { ...data.change, accountNumber: mask(String(request.change.accountNumber)) }
    return done(ctx, message, data, { status: 201 })
  }
}
