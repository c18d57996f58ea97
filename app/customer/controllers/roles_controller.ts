import type { HttpContext } from '@adonisjs/core/http'
import RolePolicy from '#customer/policies/role_policy'
import QualificationCase from '#customer/models/qualification_case'
import RoleCase from '#customer/models/role_case'
import { ownedRecord, partyFor } from '#customer/support/parties'
import { rolesPage } from '#customer/queries/role_pages'
import {
  advanceQualificationValidator,
  openRoleCaseValidator,
} from '#customer/validators/role_validators'
import { reasonValidator } from '#customer/validators/entry_validators'
import openRoleCase from '#customer/actions/roles/open_role_case'
import submitRoleCase from '#customer/actions/roles/submit_role_case'
import startQualification from '#customer/actions/roles/start_qualification'
import advanceQualification from '#customer/actions/roles/advance_qualification'
import returnRoleCase from '#customer/actions/roles/return_role_case'
import registerRole from '#customer/actions/roles/register_role'
import deregisterRole from '#customer/actions/roles/deregister_role'
import { authorize, done, show } from './respond.js'

/** Role registration routes and qualification (customer.md §5). */
export default class RolesController {
  async index(ctx: HttpContext) {
    const user = ctx.auth.getUserOrFail()
    return show(
      ctx,
      'customer/roles',
      await rolesPage(user, await partyFor(user, ctx.params.partyId))
    )
  }

  async open(ctx: HttpContext) {
    const user = ctx.auth.getUserOrFail()
    await partyFor(user, ctx.params.partyId)
    await authorize(ctx, RolePolicy, 'open')
    const input = await ctx.request.validateUsing(openRoleCaseValidator)
    return done(
      ctx,
      'Role registration opened',
      await openRoleCase(user, ctx.params.partyId, input),
      { status: 201 }
    )
  }

  async submit(ctx: HttpContext) {
    const user = await this.forCase(ctx, 'submit')
    return done(ctx, 'Role registration submitted', await submitRoleCase(user, ctx.params.id))
  }

  async startQualification(ctx: HttpContext) {
    const user = await this.forCase(ctx, 'operate')
    return done(ctx, 'Qualification started', await startQualification(user, ctx.params.id))
  }

  async returnCase(ctx: HttpContext) {
    const user = await this.forCase(ctx, 'operate')
    const { reason } = await ctx.request.validateUsing(reasonValidator)
    return done(
      ctx,
      'Role registration returned',
      await returnRoleCase(user, ctx.params.id, reason)
    )
  }

  async register(ctx: HttpContext) {
    const user = await this.forCase(ctx, 'operate')
    return done(ctx, 'Role registered', await registerRole(user, ctx.params.id))
  }

  async deregister(ctx: HttpContext) {
    const user = await this.forCase(ctx, 'operate')
    await deregisterRole(user, ctx.params.id)
    return done(ctx, 'Role deregistered', null)
  }

  async advanceQualification(ctx: HttpContext) {
    const user = ctx.auth.getUserOrFail()
    await ownedRecord(user, QualificationCase, ctx.params.id)
    await authorize(ctx, RolePolicy, 'advanceQualification')
    const input = await ctx.request.validateUsing(advanceQualificationValidator)
    return done(
      ctx,
      'Qualification updated',
      await advanceQualification(user, ctx.params.id, input)
    )
  }

  private async forCase(ctx: HttpContext, ability: 'submit' | 'operate') {
    const user = ctx.auth.getUserOrFail()
    await ownedRecord(user, RoleCase, ctx.params.id)
    await authorize(ctx, RolePolicy, ability)
    return user
  }
}
