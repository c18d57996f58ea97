import type { HttpContext } from '@adonisjs/core/http'
import { MARKET_ROLES } from '#customer/reference/market_roles'
import { FIELD_HELP } from '#customer/reference/field_help'
import EntryPolicy from '#customer/policies/entry_policy'
import { partyFor } from '#customer/support/parties'
import { partyOverview } from '#customer/queries/party_overview'
import { accessionPage } from '#customer/queries/account_pages'
import {
  acceptInvitationValidator,
  accessionDetailsValidator,
  agreementUploadValidator,
  approveAccessionValidator,
  expressionOfInterestValidator,
  inviteAssistantValidator,
  reasonValidator,
} from '#customer/validators/entry_validators'
import submitExpressionOfInterest from '#customer/actions/entry/submit_expression_of_interest'
import acceptInvitation, { usableInvitation } from '#customer/actions/entry/accept_invitation'
import inviteAssistant from '#customer/actions/entry/invite_assistant'
import saveAccessionDetails from '#customer/actions/entry/save_accession_details'
import uploadAccessionAgreement from '#customer/actions/entry/upload_accession_agreement'
import submitAccession from '#customer/actions/entry/submit_accession'
import approveAccessionDraft from '#customer/actions/entry/approve_accession_draft'
import rejectAccessionDraft from '#customer/actions/entry/reject_accession_draft'
import returnAccession from '#customer/actions/entry/return_accession'
import approveAccession from '#customer/actions/entry/approve_accession'
import goLive from '#customer/actions/entry/go_live'
import closeEntryCase from '#customer/actions/entry/close_entry_case'
import { authorize, done, isApi, show } from './respond.js'

/** Market entry (customer.md §3): the public form, invitations, the accession and the operator's decisions. */
export default class EntryController {
  join(ctx: HttpContext) {
    return show(ctx, 'customer/join', {
      roles: MARKET_ROLES.map((r) => ({
        code: r.code,
        label: r.label,
        prerequisites: r.prerequisites,
      })),
      help: FIELD_HELP,
    })
  }

  async submitJoin(ctx: HttpContext) {
    const input = await ctx.request.validateUsing(expressionOfInterestValidator)
    const party = await submitExpressionOfInterest(input)
    return done(
      ctx,
      `Thank you: your reference is ${party.caseReference}. We will invite you to the portal.`,
      { reference: party.caseReference },
      { status: 201 }
    )
  }

  async invitation(ctx: HttpContext) {
    const invitation = await usableInvitation(ctx.params.token)
    return show(ctx, 'customer/invitation', {
      valid: !!invitation,
      fullName: invitation?.fullName ?? null,
      email: invitation?.email ?? null,
      portalRole: invitation?.portalRole ?? null,
    })
  }

  async acceptInvitation(ctx: HttpContext) {
    const { password } = await ctx.request.validateUsing(acceptInvitationValidator)
    const user = await acceptInvitation(ctx.params.token, password)
    if (isApi(ctx))
      return done(
        ctx,
        'Invitation accepted: sign in with your e-mail and password',
        { email: user.email },
        { status: 201 }
      )
    await ctx.auth.use('web').login(user)
    return done(ctx, 'Welcome to Kinnect Open', null, { redirect: '/customer' })
  }

  home(ctx: HttpContext) {
    const user = ctx.auth.getUserOrFail()
    const target = user.partyId ? `/customer/parties/${user.partyId}` : '/customer/operator/queue'
    return isApi(ctx)
      ? ctx.response.ok({
          partyId: user.partyId,
          links: { party: target.replace('/customer', '/api/v1/customer') },
        })
      : ctx.response.redirect(target)
  }

  async show(ctx: HttpContext) {
    const user = ctx.auth.getUserOrFail()
    return show(
      ctx,
      'customer/party',
      await partyOverview(user, await partyFor(user, ctx.params.partyId))
    )
  }

  async accession(ctx: HttpContext) {
    const user = ctx.auth.getUserOrFail()
    return show(
      ctx,
      'customer/accession',
      await accessionPage(user, await partyFor(user, ctx.params.partyId))
    )
  }

  async saveAccession(ctx: HttpContext) {
    const user = await this.prepare(ctx)
    const input = await ctx.request.validateUsing(accessionDetailsValidator)
    return done(
      ctx,
      'Accession details saved',
      await saveAccessionDetails(user, ctx.params.partyId, input)
    )
  }

  async uploadAgreement(ctx: HttpContext) {
    const user = await this.prepare(ctx)
    const { agreement } = await ctx.request.validateUsing(agreementUploadValidator)
    const document = await uploadAccessionAgreement(user, ctx.params.partyId, agreement)
    return done(ctx, 'Agreement uploaded', document, { status: 201 })
  }

  async submitAccession(ctx: HttpContext) {
    const user = await this.prepare(ctx)
    return done(
      ctx,
      'Accession sent for Category A approval',
      await submitAccession(user, ctx.params.partyId)
    )
  }

  async approveDraft(ctx: HttpContext) {
    const user = await this.guard(ctx, 'decideAccessionDraft')
    return done(
      ctx,
      'Accession approved and sent to Elexon',
      await approveAccessionDraft(user, ctx.params.partyId)
    )
  }

  async rejectDraft(ctx: HttpContext) {
    const user = await this.guard(ctx, 'decideAccessionDraft')
    const { reason } = await ctx.request.validateUsing(reasonValidator)
    return done(
      ctx,
      'Accession returned to the preparer',
      await rejectAccessionDraft(user, ctx.params.partyId, reason)
    )
  }

  async inviteAssistant(ctx: HttpContext) {
    const user = await this.guard(ctx, 'operate')
    const input = await ctx.request.validateUsing(inviteAssistantValidator)
    return done(ctx, 'Invitation sent', await inviteAssistant(user, ctx.params.partyId, input))
  }

  async returnAccession(ctx: HttpContext) {
    const user = await this.guard(ctx, 'operate')
    const { reason } = await ctx.request.validateUsing(reasonValidator)
    return done(
      ctx,
      'Accession returned to the party',
      await returnAccession(user, ctx.params.partyId, reason)
    )
  }

  async approveAccession(ctx: HttpContext) {
    const user = await this.guard(ctx, 'operate')
    const input = await ctx.request.validateUsing(approveAccessionValidator)
    const party = await approveAccession(user, ctx.params.partyId, input)
    return done(ctx, `Accession completed: Party ID ${party.partyId}`, party, {
      redirect: `/customer/parties/${party.partyId}`,
    })
  }

  async goLive(ctx: HttpContext) {
    const user = await this.guard(ctx, 'operate')
    return done(ctx, 'The party is live', await goLive(user, ctx.params.partyId))
  }

  async close(ctx: HttpContext) {
    const user = await this.guard(ctx, 'operate')
    const { reason } = await ctx.request.validateUsing(reasonValidator)
    return done(ctx, 'Entry case closed', await closeEntryCase(user, ctx.params.partyId, reason))
  }

  /** 404 for another party's id first, then the role/category check, then validation. */
  private async guard(
    ctx: HttpContext,
    ability: 'prepareAccession' | 'decideAccessionDraft' | 'operate'
  ) {
    const user = ctx.auth.getUserOrFail()
    await partyFor(user, ctx.params.partyId)
    await authorize(ctx, EntryPolicy, ability)
    return user
  }

  private prepare(ctx: HttpContext) {
    return this.guard(ctx, 'prepareAccession')
  }
}
