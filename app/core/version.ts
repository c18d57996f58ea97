import { readFileSync } from 'node:fs'

let cached: string | undefined

/** The application version from package.json (read once). */
export function appVersion(): string {
  if (!cached) {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'))
    cached = String(pkg.version)
  }
  return cached
}
