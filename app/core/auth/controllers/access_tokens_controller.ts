import type { HttpContext } from '@adonisjs/core/http'
import User from '../user.js'
import { accessTokenValidator } from '../validators/auth_validators.js'
import { RecordNotFoundException } from '../party_scope.js'
import { recordAudit } from '#core/audit/audit_log'

/**
 * /account/tokens: personal access tokens for the JSON API under /api/v1. A
 * token acts as its owner, so it reaches only what the owner's party may. The
 * routes sit behind the `mfa` middleware: a user who must use MFA can only
 * mint a token from a session that passed it. The value is shown once.
 */
const NEW_TOKEN_FLASH = 'newToken'
const MAX_TOKENS = 20

export default class AccessTokensController {
  async index({ auth, session, inertia }: HttpContext) {
    const tokens = await User.accessTokens.all(auth.getUserOrFail())
    return inertia.render('account/tokens', {
      tokens: tokens.map((token) => ({
        id: String(token.identifier),
        name: token.name ?? '',
        createdAt: token.createdAt.toISOString(),
        lastUsedAt: token.lastUsedAt?.toISOString() ?? null,
        expiresAt: token.expiresAt?.toISOString() ?? null,
      })),
      newToken:
        (session.flashMessages.get(NEW_TOKEN_FLASH) as { name: string; value: string }) ?? null,
    })
  }

  async store({ auth, request, response, session }: HttpContext) {
    const user = auth.getUserOrFail()
    const { name } = await request.validateUsing(accessTokenValidator)
    const existing = await User.accessTokens.all(user)
    if (existing.length >= MAX_TOKENS) {
      session.flash('inputErrorsBag', {
        name: [`You already have ${MAX_TOKENS} tokens. Revoke one you no longer use first.`],
      })
      return response.redirect('/account/tokens')
    }
    const token = await User.accessTokens.create(user, ['*'], { name })
    await recordAudit({
      actor: user,
      action: 'token.created',
      subjectType: 'access_token',
      subjectId: String(token.identifier),
      partyId: user.partyId,
      after: { name, expiresAt: token.expiresAt?.toISOString() ?? null },
      ip: request.ip(),
    })
    session.flash(NEW_TOKEN_FLASH, { name, value: token.value!.release() })
    return response.redirect('/account/tokens')
  }

  async destroy({ auth, params, request, response, session }: HttpContext) {
    const user = auth.getUserOrFail()
    const token = await User.accessTokens.find(user, Number(params.id) || 0)
    if (!token) throw new RecordNotFoundException()
    await User.accessTokens.delete(user, token.identifier)
    await recordAudit({
      actor: user,
      action: 'token.revoked',
      subjectType: 'access_token',
      subjectId: String(token.identifier),
      partyId: user.partyId,
      before: { name: token.name },
      ip: request.ip(),
    })
    session.flash('success', `Token "${token.name}" revoked.`)
    return response.redirect('/account/tokens')
  }
}
