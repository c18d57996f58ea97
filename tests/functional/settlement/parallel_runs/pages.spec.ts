import { setTimeout as sleep } from 'node:timers/promises'
import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { createUser } from '#tests/helpers/users'
import { findParallelRun } from '#settlement/parallel/parallel_run_store'
import { countRows, importSmallDay, SMALL_DATE } from '../support/fixtures.js'
import { GOOD, runtimeOn, useRuntime } from '../enablement/support/rules_fixtures.js'

/**
 * /settlement/parallel-runs: BSC staff start a parallel run from a form (bad
 * input 422 with field messages), follow it on its own page until the report
 * is stored, and find it in the list; party users are kept out.
 */
const runtime = runtimeOn(GOOD)

/** The run goes on in the background after the redirect; wait for its report. */
async function finished(id: number) {
  for (let i = 0; i < 200; i++) {
    const run = await findParallelRun(id)
    if (run && run.status !== 'running') return run
    await sleep(50)
  }
  throw new Error(`parallel run ${id} did not finish`)
}

test.group('Parallel run pages', (group) => {
  group.setup(() => useRuntime(runtime))
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('an operator starts a run, follows its report and finds it in the list', async ({
    client,
    assert,
  }) => {
    await importSmallDay()
    const { user: operator } = await createUser({ role: 'operator' })
    const empty = await client.get('/settlement/parallel-runs').loginAs(operator).withInertia()
    empty.assertStatus(200)
    empty.assertInertiaComponent('settlement/parallel_runs/index')
    assert.deepEqual(empty.body().props.runs, [])
    assert.include(
      empty.body().props.plugins.map((p: { id: string }) => p.id),
      'audit_totals'
    )
    assert.equal(empty.body().props.latestDate, SMALL_DATE)

    const start = await client
      .post('/settlement/parallel-runs')
      .form({ plugin: 'audit_totals', from: SMALL_DATE, to: SMALL_DATE })
      .withCsrfToken()
      .loginAs(operator)
      .redirects(0)
    start.assertStatus(302)
    const location = start.header('location') ?? ''
    assert.match(location, /^\/settlement\/parallel-runs\/\d+$/)
    const id = Number(location.split('/').pop())
    const run = await finished(id)
    assert.equal(run.status, 'succeeded', JSON.stringify(run.error))
    assert.equal(run.requestedBy, operator.email)

    const page = await client.get(location).loginAs(operator).withInertia()
    page.assertStatus(200)
    page.assertInertiaComponent('settlement/parallel_runs/show')
    const shown = page.body().props.run
    assert.include(shown, { id, status: 'succeeded', changedValues: 0, pluginId: 'audit_totals' })
    assert.equal(shown.report.ignored[0].output, 'totals_audit')
    assert.lengthOf(shown.report.days, 1)

    const html = await client.get(location).loginAs(operator)
    html.assertStatus(200)
    assert.include(html.text(), 'The audit frame exists only in the modified rule set.')

    const list = await client
      .get('/settlement/parallel-runs?plugin=audit_totals')
      .loginAs(operator)
      .withInertia()
    assert.deepEqual(
      list.body().props.runs.map((r: { id: number }) => r.id),
      [id]
    )
    assert.equal(list.body().props.selectedPlugin, 'audit_totals')

    // The plugin's admin page links its reports.
    const plugin = await client.get('/admin/rules/audit_totals').loginAs(operator).withInertia()
    assert.deepInclude(plugin.body().props.parallelRuns[0], { id, status: 'succeeded' })
  })

  test('bad input is 422 with field messages; refusals name their field', async ({
    client,
    assert,
  }) => {
    await importSmallDay()
    const { user: admin } = await createUser({ role: 'admin' })
    const post = (form: Record<string, string>) =>
      client
        .post('/settlement/parallel-runs')
        .header('accept', 'application/json')
        .form(form)
        .withCsrfToken()
        .loginAs(admin)
    const fieldsOf = (body: { errors: { field: string }[] }) =>
      body.errors.map((e) => e.field).sort()

    const malformed = await post({ plugin: 'Bad Id!', from: '15/01/2026', to: '' })
    malformed.assertStatus(422)
    assert.deepEqual(fieldsOf(malformed.body()), ['from', 'plugin', 'to'])

    const unknown = await post({ plugin: 'no_such_plugin', from: SMALL_DATE, to: SMALL_DATE })
    unknown.assertStatus(422)
    assert.deepEqual(fieldsOf(unknown.body()), ['plugin'])
    assert.include(unknown.body().errors[0].message, 'no_such_plugin')

    const reversed = await post({ plugin: 'audit_totals', from: SMALL_DATE, to: '2026-01-14' })
    reversed.assertStatus(422)
    assert.deepEqual(fieldsOf(reversed.body()), ['to'])

    const noInputs = await post({ plugin: 'audit_totals', from: '2026-02-01', to: '2026-02-01' })
    noInputs.assertStatus(422)
    assert.deepEqual(fieldsOf(noInputs.body()), ['from'])
    assert.equal(await countRows('settlement_parallel_runs'), 0)
  })

  test('a failed run shows the plugin and stage that threw', async ({ client, assert }) => {
    await importSmallDay()
    const { user: admin } = await createUser({ role: 'admin' })
    const start = await client
      .post('/settlement/parallel-runs')
      .form({ plugin: 'throwing_stage', from: SMALL_DATE, to: SMALL_DATE })
      .withCsrfToken()
      .loginAs(admin)
      .redirects(0)
    const id = Number(start.header('location')?.split('/').pop())
    const run = await finished(id)
    assert.equal(run.status, 'failed')
    const page = await client.get(`/settlement/parallel-runs/${id}`).loginAs(admin).withInertia()
    assert.deepInclude(page.body().props.run.error, {
      stageId: 'always_throws',
      origin: 'throwing_stage',
    })
    assert.isNull(page.body().props.run.report)
  })

  test('party users and guests are kept out; an unknown report is 404', async ({ client }) => {
    const { user: signatory } = await createUser({ role: 'signatory', partyId: 'PARTYA' })
    for (const url of ['/settlement/parallel-runs', '/settlement/parallel-runs/1']) {
      const response = await client.get(url).loginAs(signatory)
      response.assertStatus(404)
      const guest = await client.get(url).redirects(0)
      guest.assertStatus(302)
    }
    const post = await client
      .post('/settlement/parallel-runs')
      .form({ plugin: 'audit_totals', from: SMALL_DATE, to: SMALL_DATE })
      .withCsrfToken()
      .loginAs(signatory)
    post.assertStatus(404)
    const { user: operator } = await createUser({ role: 'operator' })
    const missing = await client.get('/settlement/parallel-runs/999999').loginAs(operator)
    missing.assertStatus(404)
  })
})
