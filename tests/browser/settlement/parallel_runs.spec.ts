import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import testUtils from '@adonisjs/core/services/test_utils'
import limiter from '@adonisjs/limiter/services/main'
import { createUser } from '#tests/helpers/users'
import { actorPage, open, signIn } from '#tests/fixtures/customer/browser'
import { seedDemo } from '#database/demo/demo_seed'
import {
  ROOT,
  runtimeOn,
  useRuntime,
} from '../../functional/settlement/enablement/support/rules_fixtures.js'

/**
 * In Chromium: an operator starts a parallel run of the PAR review on a demo
 * day from the form, lands on its report, which updates once stored, and
 * sees totals, movers, the per-period chart and the parties that moved.
 */
test.group('Browser: parallel runs', (group) => {
  group.setup(() => useRuntime(runtimeOn(join(ROOT, 'rules/modifications'))))
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => limiter.clear())

  test('an operator runs a plugin in parallel and reads its report', async ({
    browser,
    assert,
  }) => {
    await seedDemo({ seed: 1, dates: ['2026-01-15'], bmUnits: 60 })
    const operator = await createUser({ role: 'operator', fullName: 'Olu Operator' })
    const { page, problems } = await actorPage(browser)
    await signIn(page, operator)
    await open(page, '/settlement/parallel-runs')
    await page.getByRole('heading', { name: 'Parallel runs', level: 1 }).waitFor()
    await page.getByLabel('Modification plugin').selectOption('par_review_2026')
    await page.getByLabel('From settlement date').fill('2026-01-15')
    await page.getByLabel('To settlement date').fill('2026-01-15')
    await page.getByRole('button', { name: 'Run in parallel' }).click()
    await page.waitForURL(/\/settlement\/parallel-runs\/\d+$/)
    await page.getByTestId('parallel-top-movers').waitFor({ timeout: 30_000 })
    await page.getByTestId('chart').first().waitFor()
    await page.getByTestId('parallel-by-party').waitFor()
    assert.include(await page.getByTestId('parallel-summary').innerText(), 'succeeded')
    mkdirSync(app.makePath('tmp/screenshots'), { recursive: true })
    await page.screenshot({
      path: app.makePath('tmp/screenshots/parallel_run_report.png'),
      fullPage: true,
    })
    assert.deepEqual(problems, [])
  }).timeout(120_000)
})
