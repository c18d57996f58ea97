import { chromiumPath } from './chromium.js'

const SUITES = ['unit', 'functional', 'browser']

/**
 * Without Chromium the browser suite cannot run: run every other suite and say
 * so plainly, rather than failing or silently passing.
 */
export function selectSuites(argv: string[]): string[] {
  if (chromiumPath()) return argv
  const named = argv.filter((arg) => SUITES.includes(arg))
  if (named.length > 0 && !named.includes('browser')) return argv
  if (named.includes('browser')) {
    console.error(
      "The browser suite needs Chromium: install Debian's package (apt-get install -y chromium) or set CHROMIUM_PATH."
    )
    process.exit(1)
  }
  console.warn(
    '\n⚠  The browser suite did NOT run: no Chromium found.\n' +
      '   Install it with `apt-get install -y chromium` (Debian) or set CHROMIUM_PATH to a Chromium binary.\n'
  )
  return ['unit', 'functional', ...argv]
}
