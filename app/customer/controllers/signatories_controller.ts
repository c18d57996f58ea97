import type { HttpContext } from '@adonisjs/core/http'
import SignatoryPolicy from '#customer/policies/signatory_policy'
import ChangeRequest from '#customer/models/change_request'
import SignatoryAuthorisation from '#customer/models/signatory_authorisation'
import SignatoryConfirmation from '#customer/models/signatory_confirmation'
import UserModel from '#core/auth/user'
import { ownedRecord, partyFor } from '#customer/support/parties'
import { signatoriesPage } from '#customer/queries/account_pages'
import {
  confirmSignatoriesValidator,
  endDateAuthorisationValidator,
  inviteUserValidator,
  proposeSignatoryValidator,
} from '#customer/validators/signatory_validators'
import { decisionReasonValidator } from '#customer/validators/account_validators'
import proposeSignatory from '#customer/actions/signatories/propose_signatory'
import approveSignatory from '#customer/actions/signatories/approve_signatory'
import rejectSignatory from '#customer/actions/signatories/reject_signatory'
import endDateAuthorisation from '#customer/actions/signatories/end_date_authorisation'
import inviteUser from '#customer/actions/signatories/invite_user'
import grantSignatoryAccess from '#customer/actions/signatories/grant_signatory_access'
import confirmSignatories from '#customer/actions/signatories/confirm_signatories'
import { authorize, done, show } from './respond.js'

/** Authorised signatories and portal access (customer.md §6). */
export default class SignatoriesController {
  async index(ctx: HttpContext) {
    const user = ctx.auth.getUserOrFail()
    return show(
      ctx,
      'customer/signatories',
      await signatoriesPage(user, await partyFor(user, ctx.params.partyId))
    )
  }

  async propose(ctx: HttpContext) {
    const user = ctx.auth.getUserOrFail()
    await partyFor(user, ctx.params.partyId)
    await authorize(ctx, SignatoryPolicy, 'propose')
    const { directorsLetter, ...input } = await ctx.request.validateUsing(proposeSignatoryValidator)
    const request = await proposeSignatory(user, ctx.params.partyId, input, directorsLetter)
    const message =
      request.state === 'APPROVED' ? 'Signatory appointed' : 'Nomination sent for approval'
    return done(ctx, message, request, { status: 201 })
  }

  async approve(ctx: HttpContext) {
    const user = ctx.auth.getUserOrFail()
    await ownedRecord(user, ChangeRequest, ctx.params.id)
    await authorize(ctx, SignatoryPolicy, 'decide')
    return done(ctx, 'Signatory approved', await approveSignatory(user, ctx.params.id))
  }

  async reject(ctx: HttpContext) {
    const user = ctx.auth.getUserOrFail()
    await ownedRecord(user, ChangeRequest, ctx.params.id)
    await authorize(ctx, SignatoryPolicy, 'decide')
    const { reason } = await ctx.request.validateUsing(decisionReasonValidator)
    return done(
      ctx,
      'Nomination rejected',
      await rejectSignatory(user, ctx.params.id, reason ?? null)
    )
  }

  async endDate(ctx: HttpContext) {
    const user = ctx.auth.getUserOrFail()
    await ownedRecord(user, SignatoryAuthorisation, ctx.params.id)
    await authorize(ctx, SignatoryPolicy, 'endDate')
    const { endDate } = await ctx.request.validateUsing(endDateAuthorisationValidator)
    return done(
      ctx,
      'Authorisation end-dated',
      await endDateAuthorisation(user, ctx.params.id, endDate)
    )
  }

  async invite(ctx: HttpContext) {
    const user = ctx.auth.getUserOrFail()
    await partyFor(user, ctx.params.partyId)
    await authorize(ctx, SignatoryPolicy, 'inviteUser')
    const input = await ctx.request.validateUsing(inviteUserValidator)
    return done(ctx, 'Invitation sent', await inviteUser(user, ctx.params.partyId, input), {
      status: 201,
    })
  }

  async grantAccess(ctx: HttpContext) {
    const user = ctx.auth.getUserOrFail()
    await ownedRecord(user, UserModel, ctx.params.id)
    await authorize(ctx, SignatoryPolicy, 'inviteUser')
    return done(
      ctx,
      'Portal access granted: an invitation was sent',
      await grantSignatoryAccess(user, ctx.params.id),
      {
        status: 201,
      }
    )
  }

  async confirmList(ctx: HttpContext) {
    const user = ctx.auth.getUserOrFail()
    await ownedRecord(user, SignatoryConfirmation, ctx.params.id)
    await authorize(ctx, SignatoryPolicy, 'confirmList')
    const { note } = await ctx.request.validateUsing(confirmSignatoriesValidator)
    return done(
      ctx,
      'Authorised signatories confirmed',
      await confirmSignatories(user, ctx.params.id, note ?? null)
    )
  }
}
