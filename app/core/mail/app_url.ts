import env from '#start/env'

/**
 * Absolute links for e-mails. Always built from APP_URL (never from the
 * request's Host header, which a caller controls).
 */
export function appUrl(path: string): string {
  const base = env.get('APP_URL') || `http://${env.get('HOST')}:${env.get('PORT')}`
  return new URL(path, base.endsWith('/') ? base : `${base}/`).toString()
}
