import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { createUser } from '#tests/helpers/users'
import { enabledRuleSetKey } from '#settlement/enablement/derive_rule_set'
import { GOOD, runtimeOn, useRuntime } from './support/rules_fixtures.js'

/**
 * /admin/rules: operators look, admins enable and disable plugins from a
 * settlement date with a reason — effective-dated, audited, append-only
 * records from which every run's rule set is derived (issue 4 §3).
 */
const runtime = runtimeOn(GOOD)
/* Rows other tests committed (the CLI tests' child processes) are not this test's. */
const firstIds = { enablements: 0, audit: 0 }
const enablements = () =>
  db.from('settlement_rule_enablements').where('id', '>=', firstIds.enablements).orderBy('id')
const auditRows = (action: string) =>
  db.from('core_audit_log').where('action', action).where('id', '>=', firstIds.audit).orderBy('id')

test.group('Rules admin pages', (group) => {
  group.setup(() => useRuntime(runtime))
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(async () => {
    for (const [key, table] of [
      ['enablements', 'settlement_rule_enablements'],
      ['audit', 'core_audit_log'],
    ] as const) {
      const last = await db.from(table).max('id as id').first()
      firstIds[key] = Number(last?.id ?? 0) + 1
    }
  })

  test('operators see the plugins with mode, version, enablement and tests; only admins change them', async ({
    client,
    assert,
  }) => {
    const { user: operator } = await createUser({ role: 'operator' })
    const page = await client.get('/admin/rules').loginAs(operator).withInertia()
    page.assertStatus(200)
    page.assertInertiaComponent('admin/rules/index')
    const props = page.body().props
    assert.isFalse(props.canManage)
    assert.equal(props.baselineVersion, 1)
    const audit = props.plugins.find((p: { id: string }) => p.id === 'audit_totals')
    assert.deepInclude(audit, {
      version: 1,
      mode: 'production',
      enabledFrom: null,
      problems: [],
      adds: [{ stage: 'totals_audit', after: 'party_totals' }],
    })
    assert.equal(audit.test.state, 'not_run')
    assert.equal(
      props.plugins.find((p: { id: string }) => p.id === 'sandbox_trial').mode,
      'sandbox'
    )

    const refused = await client
      .post('/admin/rules/audit_totals/enablements')
      .form({ action: 'enable', from: '2024-06-01', reason: 'operator tries' })
      .withCsrfToken()
      .loginAs(operator)
    refused.assertStatus(404)
    assert.lengthOf(await enablements(), 0)

    const { user: assistant } = await createUser({ role: 'assistant' })
    const hidden = await client.get('/admin/rules').loginAs(assistant)
    hidden.assertStatus(404)
  })

  test('an admin enables from a date, then disables: two audited records; runs derive from them', async ({
    client,
    assert,
  }) => {
    const { user: admin } = await createUser({ role: 'admin' })
    const enable = await client
      .post('/admin/rules/audit_totals/enablements')
      .form({ action: 'enable', from: '2024-06-01', reason: 'Trial of the totals audit' })
      .withCsrfToken()
      .loginAs(admin)
      .redirects(0)
    enable.assertStatus(302)
    const disable = await client
      .post('/admin/rules/audit_totals/enablements')
      .form({ action: 'disable', from: '2024-09-01', reason: 'End of the trial' })
      .withCsrfToken()
      .loginAs(admin)
      .redirects(0)
    disable.assertStatus(302)

    const rows = await enablements()
    assert.deepEqual(
      rows.map((row) => [row.plugin_id, row.action, row.effective_from, row.plugin_version]),
      [
        ['audit_totals', 'enable', '2024-06-01', 1],
        ['audit_totals', 'disable', '2024-09-01', 1],
      ]
    )
    assert.equal(rows[0].actor_user_id, admin.id)
    assert.equal(rows[0].reason, 'Trial of the totals audit')
    const audits = await auditRows('settlement.rules.enable')
    assert.lengthOf(audits, 1)
    assert.include(audits[0], { subject_id: 'audit_totals', actor_user_id: admin.id })
    assert.deepInclude(JSON.parse(audits[0].after), { effectiveFrom: '2024-06-01', version: 1 })
    assert.lengthOf(await auditRows('settlement.rules.disable'), 1)

    const key = (date: string) => enabledRuleSetKey(date, runtime, { production: true })
    assert.equal(await key('2024-05-31'), 'baseline@1')
    assert.equal(await key('2024-06-01'), 'baseline@1+audit_totals@1')
    assert.equal(await key('2024-08-31'), 'baseline@1+audit_totals@1')
    assert.equal(await key('2024-09-01'), 'baseline@1')

    const page = await client.get('/admin/rules/audit_totals').loginAs(admin).withInertia()
    const plugin = page.body().props.plugin
    assert.deepEqual(plugin.enabledPeriods, [{ from: '2024-06-01', disabledFrom: '2024-09-01' }])
    assert.deepEqual(
      plugin.history.map((h: { action: string }) => h.action),
      ['disable', 'enable']
    )
  })

  test('records are append-only: the database refuses to change or remove one', async ({
    client,
    assert,
  }) => {
    const { user: admin } = await createUser({ role: 'admin' })
    const enabled = await client
      .post('/admin/rules/audit_totals/enablements')
      .form({ action: 'enable', from: '2024-06-01', reason: 'Trial of the totals audit' })
      .withCsrfToken()
      .loginAs(admin)
      .redirects(0)
    enabled.assertStatus(302)
    await assert.rejects(
      () => db.from('settlement_rule_enablements').update({ effective_from: '2020-01-01' }),
      /append-only/
    )
  })

  test('a conflict, a missing requirement, a sandbox-only plugin or precedence is refused by name; nothing is written', async ({
    client,
    assert,
  }) => {
    const { user: admin } = await createUser({ role: 'admin' })
    const post = (id: string, action: string, from: string) =>
      client
        .post(`/admin/rules/${id}/enablements`)
        .header('accept', 'application/json')
        .form({ action, from, reason: 'Testing the refusals' })
        .withCsrfToken()
        .loginAs(admin)
        .redirects(0)
    const message = (response: Awaited<ReturnType<typeof post>>) =>
      response
        .body()
        .errors.map((e: { message: string }) => e.message)
        .join(' ')

    const accepted = async (id: string, action: string, from: string) => {
      const response = await post(id, action, from)
      response.assertStatus(302)
    }
    const refusal = async (id: string, action: string, from: string) => {
      const response = await post(id, action, from)
      response.assertStatus(422)
      return message(response)
    }

    await accepted('audit_totals', 'enable', '2024-06-01')
    assert.match(
      await refusal('anti_audit', 'enable', '2024-01-01'),
      /Enabling anti_audit from 2024-01-01 refused: the rule set on 2024-06-01 would be invalid: anti_audit conflicts with audit_totals/
    )
    assert.match(
      await refusal('needs_audit', 'enable', '2024-05-01'),
      /needs_audit requires audit_totals, which is not enabled with it/
    )
    await accepted('needs_audit', 'enable', '2024-07-01')
    assert.match(
      await refusal('audit_totals', 'disable', '2024-08-01'),
      /Disabling audit_totals from 2024-08-01 refused: .*needs_audit requires audit_totals/
    )
    assert.match(
      await refusal('sandbox_trial', 'enable', '2024-01-01'),
      /sandbox-only: it can never be enabled for production/
    )
    await accepted('info_price_a', 'enable', '2024-01-01')
    assert.match(
      await refusal('info_price_c', 'enable', '2024-01-01'),
      /overridden by both .* without precedence/
    )
    await accepted('info_price_b', 'enable', '2024-01-01')
    assert.match(
      await refusal('audit_totals', 'enable', '2024-07-01'),
      /already enabled on 2024-07-01 \(since 2024-06-01\)/
    )
    assert.match(
      await refusal('throwing_stage', 'disable', '2024-07-01'),
      /throwing_stage is not enabled on 2024-07-01/
    )
    assert.match(
      await refusal('no_such_plugin', 'enable', '2024-07-01'),
      /no_such_plugin cannot be enabled: it is not installed/
    )

    const rows = await enablements()
    assert.deepEqual(
      rows.map((row) => `${row.plugin_id}:${row.action}:${row.effective_from}`),
      [
        'audit_totals:enable:2024-06-01',
        'needs_audit:enable:2024-07-01',
        'info_price_a:enable:2024-01-01',
        'info_price_b:enable:2024-01-01',
      ]
    )
    assert.lengthOf(await auditRows('settlement.rules.enable'), 4)
    assert.equal(
      await enabledRuleSetKey('2024-07-01', runtime, { production: true }),
      'baseline@1+audit_totals@1+needs_audit@2+info_price_a@1+info_price_b@1'
    )
  })

  test('a malformed date or a missing reason answers with field messages', async ({
    client,
    assert,
  }) => {
    const { user: admin } = await createUser({ role: 'admin' })
    const response = await client
      .post('/admin/rules/audit_totals/enablements')
      .header('accept', 'application/json')
      .form({ action: 'enable', from: '2024-13-45', reason: '' })
      .withCsrfToken()
      .loginAs(admin)
    response.assertStatus(422)
    const fields = response
      .body()
      .errors.map((e: { field: string }) => e.field)
      .sort()
    assert.deepEqual(fields, ['reason'])
    const badDate = await client
      .post('/admin/rules/audit_totals/enablements')
      .header('accept', 'application/json')
      .form({ action: 'enable', from: '2024-13-45', reason: 'A real reason' })
      .withCsrfToken()
      .loginAs(admin)
    badDate.assertStatus(422)
    assert.equal(badDate.body().errors[0].field, 'from')
    assert.lengthOf(await enablements(), 0)
  })

  test("a plugin's page shows manifest, README and tests, which run on demand in a child process", async ({
    client,
    assert,
  }) => {
    const { user: admin } = await createUser({ role: 'admin' })
    const before = await client.get('/admin/rules/audit_totals').loginAs(admin).withInertia()
    before.assertInertiaComponent('admin/rules/show')
    const plugin = before.body().props.plugin
    assert.include(plugin.manifestText, 'id: audit_totals')
    assert.include(plugin.readme, '# audit_totals (test corpus)')
    assert.deepEqual(
      plugin.newParameters.map((p: { name: string }) => p.name),
      ['totals_audit_threshold']
    )
    assert.equal(plugin.stages[0].id, 'totals_audit')
    assert.equal(plugin.test.state, 'not_run')

    const run = await client
      .post('/admin/rules/audit_totals/tests')
      .withCsrfToken()
      .loginAs(admin)
      .redirects(0)
    run.assertStatus(302)
    const after = await client.get('/admin/rules/audit_totals').loginAs(admin).withInertia()
    const tested = after.body().props.plugin
    assert.include(tested.test, { state: 'passed', passed: 3, failed: 0, ranBy: admin.email })
    assert.include(tested.testOutput, 'flags a party whose net charge is beyond the threshold')

    const missing = await client.get('/admin/rules/no_such_plugin').loginAs(admin)
    missing.assertStatus(404)
  }).timeout(60_000)
})
