import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import limiter from '@adonisjs/limiter/services/main'
import { createUser } from '#tests/helpers/users'
import { actorPage, open, shot, signIn, success } from '#tests/fixtures/customer/browser'
import { importSmallDay, SMALL_DATE } from '../../functional/settlement/support/fixtures.js'
import { productionRun } from '../../functional/settlement/sandboxes/support.js'

/**
 * In Chromium: an operator creates a 15-minute trial on a copied day (a bad
 * name first, refused under its field), runs it, reads the comparison with
 * production (tables and chart) and deletes it after confirming.
 */
test.group('Browser: sandbox trials', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => limiter.clear())

  test('an operator creates, runs, compares and deletes a 15-minute trial', async ({
    browser,
    assert,
  }) => {
    await importSmallDay()
    await productionRun(SMALL_DATE)
    const operator = await createUser({ role: 'operator' })
    const { page, problems } = await actorPage(browser)
    await signIn(page, operator)
    await open(page, '/settlement/sandboxes')
    await page.getByRole('heading', { name: 'Sandbox trials' }).waitFor()

    await page.getByLabel('Name').fill('Not Valid')
    await page.getByRole('button', { name: 'Create trial' }).click()
    await page.locator('#name-error').waitFor()
    assert.match(await page.locator('#name-error').innerText(), /lower-case letters/)

    await page.getByLabel('Name').fill('browser-trial')
    await page.getByRole('checkbox', { name: /^p999_15min_periods@/ }).check()
    await page.getByRole('button', { name: 'Create trial' }).click()
    await success(page, 'Sandbox "browser-trial" created')
    await page.getByRole('heading', { name: /browser-trial/ }).waitFor()

    await page.getByRole('button', { name: 'Run on every day' }).click()
    await success(page, '1 run(s) started')
    await page.getByTestId('status').getByText('succeeded').waitFor({ timeout: 30000 })
    await page.getByTestId('day-comparison').getByTestId('chart').waitFor({ timeout: 30000 })
    await page.getByRole('cell', { name: '96' }).first().waitFor()
    await shot(page, 'sandbox_trial')

    page.once('dialog', (dialog) => dialog.accept())
    await page.getByTestId('delete-sandbox').click()
    await success(page, 'Sandbox "browser-trial" deleted')
    assert.lengthOf(await db.from('settlement_sandboxes'), 0)
    assert.deepEqual(problems, [])
  })
})
