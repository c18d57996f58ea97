import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import BaseInertiaMiddleware from '@adonisjs/inertia/inertia_middleware'
import { requiresMfa } from '#core/auth/roles'
import { unreadCount } from '#core/notifications/notify'

/**
 * Props every portal page receives: the signed-in user, their unread
 * notifications (the bell), flash messages, errors.
 */
export default class InertiaMiddleware extends BaseInertiaMiddleware {
  async share(ctx: HttpContext) {
    /* A page may render before session/auth ran (a 404, say): read them defensively. */
    const { session, auth } = ctx as Partial<HttpContext>
    const user = auth?.user
    return {
      errors: ctx.inertia.always(this.getValidationErrors(ctx)),
      flash: ctx.inertia.always({
        error: session?.flashMessages.get('error') as string | undefined,
        success: session?.flashMessages.get('success') as string | undefined,
      }),
      currentUser: ctx.inertia.always(
        user
          ? {
              id: user.id,
              email: user.email,
              fullName: user.fullName,
              role: user.role,
              partyId: user.partyId,
              mfaEnabled: !!user.mfaEnabledAt,
              mfaRequired: requiresMfa(user.role),
            }
          : null
      ),
      unreadNotifications: ctx.inertia.always(user ? await unreadCount(user.id) : 0),
      /* Lets a form also work as a plain POST before the page has hydrated. */
      csrfToken: ctx.inertia.always((ctx.request.csrfToken as string | undefined) ?? null),
    }
  }

  async handle(ctx: HttpContext, next: NextFn) {
    await this.init(ctx)
    const output = await next()
    this.dispose(ctx)
    return output
  }
}

declare module '@adonisjs/inertia/types' {
  type MiddlewareSharedProps = InferSharedProps<InertiaMiddleware>
  export interface SharedProps extends MiddlewareSharedProps {}
}
