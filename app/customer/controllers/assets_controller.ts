import type { HttpContext } from '@adonisjs/core/http'
import AssetPolicy from '#customer/policies/asset_policy'
import AssetMeteringSystem from '#customer/models/asset_metering_system'
import BmUnit from '#customer/models/bm_unit'
import { ownedRecord, partyFor } from '#customer/support/parties'
import { assetsPage } from '#customer/queries/asset_pages'
import {
  assetMeteringSystemValidator,
  bmUnitChangeValidator,
  bmUnitValidator,
  deregisterBmUnitValidator,
  meteringSystemValidator,
  msidPairsValidator,
  msidPairUploadValidator,
  netsoAgreementValidator,
} from '#customer/validators/asset_validators'
import { reasonValidator } from '#customer/validators/entry_validators'
import submitBmUnit from '#customer/actions/assets/submit_bm_unit'
import changeBmUnit from '#customer/actions/assets/change_bm_unit'
import approveBmUnit from '#customer/actions/assets/approve_bm_unit'
import rejectBmUnit from '#customer/actions/assets/reject_bm_unit'
import deregisterBmUnit from '#customer/actions/assets/deregister_bm_unit'
import registerMeteringSystem from '#customer/actions/assets/register_metering_system'
import allocateMsidPairs from '#customer/actions/assets/allocate_msid_pairs'
import uploadMsidPairs from '#customer/actions/assets/upload_msid_pairs'
import referBmUnitToNetso from '#customer/actions/assets/refer_bm_unit_to_netso'
import recordNetsoAgreement from '#customer/actions/assets/record_netso_agreement'
import submitAssetMeteringSystem from '#customer/actions/assets/submit_asset_metering_system'
import approveAssetMeteringSystem from '#customer/actions/assets/approve_asset_metering_system'
import rejectAssetMeteringSystem from '#customer/actions/assets/reject_asset_metering_system'
import { authorize, done, show } from './respond.js'

/** BM Units, metering systems, MSID Pairs and Asset Metering Systems (customer.md §7, §8). */
export default class AssetsController {
  async index(ctx: HttpContext) {
    const user = ctx.auth.getUserOrFail()
    return show(
      ctx,
      'customer/assets',
      await assetsPage(user, await partyFor(user, ctx.params.partyId))
    )
  }

  async submitBmUnit(ctx: HttpContext) {
    const user = await this.forParty(ctx)
    const input = await ctx.request.validateUsing(bmUnitValidator)
    return done(
      ctx,
      `BM Unit ${input.bmUnitId} submitted for validation`,
      await submitBmUnit(user, ctx.params.partyId, input),
      { status: 201 }
    )
  }

  async changeBmUnit(ctx: HttpContext) {
    const user = await this.forRecord(ctx, BmUnit, 'register')
    const input = await ctx.request.validateUsing(bmUnitChangeValidator)
    return done(
      ctx,
      'New version submitted for validation',
      await changeBmUnit(user, ctx.params.id, input),
      { status: 201 }
    )
  }

  async approveBmUnit(ctx: HttpContext) {
    const user = await this.forRecord(ctx, BmUnit, 'operate')
    return done(ctx, 'BM Unit registered', await approveBmUnit(user, ctx.params.id))
  }

  async rejectBmUnit(ctx: HttpContext) {
    const user = await this.forRecord(ctx, BmUnit, 'operate')
    const { reason } = await ctx.request.validateUsing(reasonValidator)
    return done(ctx, 'BM Unit rejected', await rejectBmUnit(user, ctx.params.id, reason))
  }

  async deregisterBmUnit(ctx: HttpContext) {
    const user = await this.forRecord(ctx, BmUnit, 'operate')
    const { effectiveTo, reason } = await ctx.request.validateUsing(deregisterBmUnitValidator)
    return done(
      ctx,
      'BM Unit deregistered',
      await deregisterBmUnit(user, ctx.params.id, effectiveTo, reason)
    )
  }

  async registerMeteringSystem(ctx: HttpContext) {
    const user = await this.forParty(ctx)
    const input = await ctx.request.validateUsing(meteringSystemValidator)
    return done(
      ctx,
      `Metering system ${input.msid} added`,
      await registerMeteringSystem(user, ctx.params.partyId, input),
      { status: 201 }
    )
  }

  async allocateMsidPairs(ctx: HttpContext) {
    const user = await this.forParty(ctx)
    const { rows } = await ctx.request.validateUsing(msidPairsValidator)
    const results = await allocateMsidPairs(user, ctx.params.partyId, rows)
    const accepted = results.filter((r) => r.status === 'accepted').length
    return done(ctx, `${accepted} of ${results.length} MSID Pair row(s) accepted`, results, {
      status: 201,
    })
  }

  async uploadMsidPairs(ctx: HttpContext) {
    const user = await this.forParty(ctx)
    const { file } = await ctx.request.validateUsing(msidPairUploadValidator)
    const upload = await uploadMsidPairs(user, ctx.params.partyId, file)
    return done(
      ctx,
      `${upload.accepted} of ${upload.rowCount} MSID Pair row(s) accepted, ${upload.rejected} rejected`,
      upload,
      { status: 201 }
    )
  }

  async referBmUnitToNetso(ctx: HttpContext) {
    const user = await this.forRecord(ctx, BmUnit, 'operate')
    return done(
      ctx,
      'BM Unit validated: awaiting the NETSO agreement',
      await referBmUnitToNetso(user, ctx.params.id)
    )
  }

  async recordNetsoAgreement(ctx: HttpContext) {
    const user = await this.forRecord(ctx, BmUnit, 'operate')
    const { document, ...input } = await ctx.request.validateUsing(netsoAgreementValidator)
    return done(
      ctx,
      'NETSO agreement recorded: BM Unit registered',
      await recordNetsoAgreement(user, ctx.params.id, input, document)
    )
  }

  async submitAssetMeteringSystem(ctx: HttpContext) {
    const user = await this.forParty(ctx)
    const input = await ctx.request.validateUsing(assetMeteringSystemValidator)
    return done(
      ctx,
      'Asset Metering System submitted',
      await submitAssetMeteringSystem(user, ctx.params.partyId, input),
      { status: 201 }
    )
  }

  async approveAssetMeteringSystem(ctx: HttpContext) {
    const user = await this.forRecord(ctx, AssetMeteringSystem, 'operate')
    return done(
      ctx,
      'Asset Metering System registered',
      await approveAssetMeteringSystem(user, ctx.params.id)
    )
  }

  async rejectAssetMeteringSystem(ctx: HttpContext) {
    const user = await this.forRecord(ctx, AssetMeteringSystem, 'operate')
    const { reason } = await ctx.request.validateUsing(reasonValidator)
    return done(
      ctx,
      'Asset Metering System rejected',
      await rejectAssetMeteringSystem(user, ctx.params.id, reason)
    )
  }

  private async forParty(ctx: HttpContext) {
    const user = ctx.auth.getUserOrFail()
    await partyFor(user, ctx.params.partyId)
    await authorize(ctx, AssetPolicy, 'register')
    return user
  }

  private async forRecord(
    ctx: HttpContext,
    model: typeof BmUnit | typeof AssetMeteringSystem,
    ability: 'register' | 'operate'
  ) {
    const user = ctx.auth.getUserOrFail()
    await ownedRecord(user, model, ctx.params.id)
    await authorize(ctx, AssetPolicy, ability)
    return user
  }
}
