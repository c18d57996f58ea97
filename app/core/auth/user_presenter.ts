import type User from './user.js'

/** The one public shape of a user (portal pages and the JSON API); never secrets. */
export function presentUser(user: User) {
  return {
    id: user.id,
    email: user.email,
    fullName: user.fullName,
    role: user.role,
    partyId: user.partyId,
    mfaEnabled: !!user.mfaEnabledAt,
    lastLoginAt: user.lastLoginAt?.toUTC().toISO() ?? null,
    createdAt: user.createdAt.toUTC().toISO(),
  }
}

export type PresentedUser = ReturnType<typeof presentUser>
