import { existsSync } from 'node:fs'

/** The Chromium binary the browser suite drives: CHROMIUM_PATH, else Debian's. */
export function chromiumPath(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser']
  return candidates.find((candidate) => !!candidate && existsSync(candidate))
}
