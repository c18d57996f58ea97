/*
| Test entry point. Runs the Japa suites in the "test" environment.
| The browser suite needs a Chromium binary: when none is found, the other
| suites still run and the runner says plainly that the browser suite did not.
*/
process.env.NODE_ENV = 'test'

import 'reflect-metadata'
import { mkdirSync } from 'node:fs'
import { Ignitor, prettyPrintError } from '@adonisjs/core'
import { configure, processCLIArgs, run } from '@japa/runner'
import { appImporter, APP_ROOT } from './app_root.js'
import { selectSuites } from '../tests/suite_selection.js'

/* A fresh clone has no tmp/ (gitignored) for the SQLite file and screenshots. */
mkdirSync(new URL('tmp/', APP_ROOT), { recursive: true })

new Ignitor(APP_ROOT, { importer: appImporter })
  .tap((app) => {
    app.booting(async () => {
      await import('#start/env')
    })
    app.listen('SIGTERM', () => app.terminate())
    app.listenIf(app.managedByPm2, 'SIGINT', () => app.terminate())
  })
  .testRunner()
  .configure(async (app) => {
    const { runnerHooks, ...config } = await import('../tests/bootstrap.js')
    processCLIArgs(selectSuites(process.argv.splice(2)))
    configure({
      ...app.rcFile.tests,
      ...config,
      setup: runnerHooks.setup,
      teardown: runnerHooks.teardown.concat([() => app.terminate()]),
    })
  })
  .run(() => run())
  .catch((error) => {
    process.exitCode = 1
    prettyPrintError(error)
  })
