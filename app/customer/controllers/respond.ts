import type { HttpContext } from '@adonisjs/core/http'
import type { BasePolicy } from '@adonisjs/bouncer'
import { NotAllowedError, wantsJson } from '#customer/support/journey_error'
import { audit } from '#customer/support/audit'

/**
 * One controller serves the portal and /api/v1/customer (API parity): the same
 * validator, policy and action; only the answer differs. The portal renders a
 * page or goes back with a flash message; the API answers JSON.
 */
export function isApi(ctx: HttpContext) {
  return ctx.request.url().startsWith('/api/')
}

export function show(ctx: HttpContext, page: string, props: Record<string, unknown>) {
  if (wantsJson(ctx)) return ctx.response.ok(props)
  return ctx.inertia.render(page as any, props as any)
}

/** `data` is the action's result; a model is answered serialised (its hidden columns stay hidden). */
export function done(
  ctx: HttpContext,
  message: string,
  data: unknown,
  options: { status?: number; redirect?: string } = {}
) {
  if (isApi(ctx))
    return ctx.response.status(options.status ?? 200).send({ message, data: serialised(data) })
  ctx.session.flash('success', message)
  return options.redirect ? ctx.response.redirect(options.redirect) : ctx.response.redirect().back()
}

function serialised(data: unknown): unknown {
  if (Array.isArray(data)) return data.map(serialised)
  if (data && typeof (data as { serialize?: unknown }).serialize === 'function')
    return (data as { serialize(): unknown }).serialize()
  return data
}

type PolicyClass = new (...args: any[]) => BasePolicy

/**
 * Bouncer check with the customer context's answer: a refusal is 403 with the
 * reason, and is itself audited (customer.md §11.1: failed authorisation checks).
 */
export async function authorize(
  ctx: HttpContext,
  policy: PolicyClass,
  action: string,
  ...args: unknown[]
) {
  const allowed = await (ctx.bouncer.with(policy as any) as any).allows(action, ...args)
  if (allowed) return
  const user = ctx.auth.getUserOrFail()
  await audit(undefined, user, {
    action: 'denied',
    subjectType: policy.name,
    subjectId: action,
    partyId: user.partyId,
    after: { url: ctx.request.url(), method: ctx.request.method() },
  })
  throw new NotAllowedError('Your role or authorisation categories do not allow this action')
}
