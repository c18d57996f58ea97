import { mkdirSync } from 'node:fs'
import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import limiter from '@adonisjs/limiter/services/main'
import { createUser } from '#tests/helpers/users'
import { actorPage, open, signIn } from '#tests/fixtures/customer/browser'
import {
  GOOD,
  runtimeOn,
  useRuntime,
} from '../../functional/settlement/enablement/support/rules_fixtures.js'

/**
 * In Chromium: an admin opens /admin/rules, enables a Modification from a
 * settlement date with a reason, sees it in force and in the history, and is
 * told by name why a conflicting one cannot be enabled.
 */
test.group('Browser: rules admin', (group) => {
  group.setup(() => useRuntime(runtimeOn(GOOD)))
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => limiter.clear())

  test('an admin enables a plugin from a date; a conflicting one is refused by name', async ({
    browser,
    assert,
  }) => {
    const admin = await createUser({ role: 'admin', fullName: 'Ada Admin' })
    const { page, problems } = await actorPage(browser)
    await signIn(page, admin)
    await open(page, '/admin/rules')
    await page.getByRole('heading', { name: 'Rules and Modifications' }).waitFor()
    await page
      .getByTestId('plugin-audit_totals')
      .getByRole('link', { name: 'audit_totals' })
      .click()
    await page.waitForURL('**/admin/rules/audit_totals')
    await page.getByRole('heading', { name: 'README' }).waitFor()

    await page.getByLabel('Change').selectOption('enable')
    // After the 2091 records the rules:* CLI test commits (its child processes cannot join the
    // test transaction), so the open-ended stretch starts here whichever test runs first.
    await page.getByLabel('From settlement date').fill('2092-06-01')
    await page.getByLabel('Reason').fill('Trial of the daily totals audit')
    await page.getByRole('button', { name: 'Record the change' }).click()
    await page
      .locator('.flash-success', { hasText: 'audit_totals is enabled from 2092-06-01' })
      .waitFor()
    await page.getByTestId('enabled-status').getByText('from 2092-06-01').waitFor()
    await page.getByRole('cell', { name: 'Trial of the daily totals audit' }).waitFor()
    mkdirSync(app.makePath('tmp/screenshots'), { recursive: true })
    await page.screenshot({
      path: app.makePath('tmp/screenshots/rules_admin_plugin.png'),
      fullPage: true,
    })

    await open(page, '/admin/rules/anti_audit')
    await page.getByLabel('From settlement date').fill('2024-01-01')
    await page.getByLabel('Reason').fill('This one conflicts')
    await page.getByRole('button', { name: 'Record the change' }).click()
    await page.getByText('anti_audit conflicts with audit_totals').first().waitFor()

    await open(page, '/admin/rules')
    await page.getByTestId('plugin-audit_totals').getByText('from 2092-06-01').waitFor()
    await page.screenshot({ path: app.makePath('tmp/screenshots/rules_admin.png'), fullPage: true })

    const rows = await db.from('settlement_rule_enablements').whereNotNull('actor_user_id')
    assert.deepEqual(
      rows.map((row) => [row.plugin_id, row.action, row.effective_from, row.actor_user_id]),
      [['audit_totals', 'enable', '2092-06-01', admin.user.id]]
    )
    assert.deepEqual(problems, [])
  }).timeout(120_000)
})
