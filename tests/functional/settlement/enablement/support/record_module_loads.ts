/**
 * Loaded with `--import` into a server process under test: records the URL
 * of every module the main thread loads and writes them, one per line, to
 * MODULE_LOG_FILE when the process exits. Worker threads (which may load rule
 * code) get this file too, through their execArgv, and record nothing.
 */
import { writeFileSync } from 'node:fs'
import { registerHooks } from 'node:module'
import { isMainThread } from 'node:worker_threads'

const file = process.env.MODULE_LOG_FILE
if (isMainThread && file) {
  const loaded = new Set<string>()
  registerHooks({
    load(url, context, nextLoad) {
      loaded.add(url)
      return nextLoad(url, context)
    },
  })
  process.on('exit', () => writeFileSync(file, [...loaded].join('\n')))
}
