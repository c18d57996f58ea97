/**
 * Reasons a signed-in person may no longer use the platform, supplied by the
 * contexts that know them (e.g. customer: the person's party has withdrawn
 * from the BSC). Core asks at sign-in and on every authenticated request, so
 * a context never has to patch core's guards and core never imports a context.
 */
export interface AccessSubject {
  id: number
  partyId: string | null
}

/** Resolves to a message to show when access is refused, or null when it is allowed. */
export type AccessCheck = (subject: AccessSubject) => Promise<string | null>

const checks = new Set<AccessCheck>()

export function registerAccessCheck(check: AccessCheck): () => void {
  checks.add(check)
  return () => checks.delete(check)
}

export async function accessRefusal(subject: AccessSubject): Promise<string | null> {
  for (const check of checks) {
    const refusal = await check(subject)
    if (refusal) return refusal
  }
  return null
}
