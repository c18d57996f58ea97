import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { createUser } from '#tests/helpers/users'
import { importSmallDay, SMALL_DATE } from '../support/fixtures.js'
import { trial } from './support.js'

/**
 * /settlement/sandboxes: operators and admins list, create (422 with field
 * messages), run, compare and delete trials; a party's users never see them.
 */
async function settled(sandboxId: number) {
  for (let i = 0; i < 600; i++) {
    const busy = await db
      .from('settlement_runs')
      .where('sandbox_id', sandboxId)
      .whereIn('status', ['queued', 'running'])
      .first()
    const row = await db.from('settlement_sandboxes').where('id', sandboxId).first()
    if (!busy && row.status !== 'running') return row.status
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  throw new Error('the trial did not finish')
}

test.group('Sandbox pages', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a party user finds no sandbox page, form or action', async ({ client }) => {
    await importSmallDay()
    const sandbox = await trial('secret', [], [SMALL_DATE])
    const { user } = await createUser({ role: 'signatory', partyId: 'BRACKEN' })
    for (const url of ['/settlement/sandboxes', `/settlement/sandboxes/${sandbox.id}`]) {
      const response = await client.get(url).loginAs(user)
      response.assertStatus(404)
    }
    const created = await client
      .post('/settlement/sandboxes')
      .json({ name: 'mine', days: [SMALL_DATE] })
      .withCsrfToken()
      .loginAs(user)
    created.assertStatus(404)
    const deleted = await client
      .delete(`/settlement/sandboxes/${sandbox.id}`)
      .withCsrfToken()
      .loginAs(user)
    deleted.assertStatus(404)
    const ran = await client
      .post(`/settlement/sandboxes/${sandbox.id}/runs`)
      .withCsrfToken()
      .loginAs(user)
    ran.assertStatus(404)
  })

  test('the list offers installed plugins (sandbox-only marked) and days with inputs', async ({
    client,
    assert,
  }) => {
    await importSmallDay()
    await trial('listed', ['p999_15min_periods'], [SMALL_DATE])
    const { user } = await createUser({ role: 'operator' })
    const response = await client.get('/settlement/sandboxes').withInertia().loginAs(user)
    response.assertStatus(200)
    response.assertInertiaComponent('settlement/sandboxes/index')
    const props = response.body().props
    assert.deepEqual(
      props.sandboxes.map((s: { name: string; days: number }) => [s.name, s.days]),
      [['listed', 1]]
    )
    const p999 = props.plugins.find((p: { id: string }) => p.id === 'p999_15min_periods')
    assert.equal(p999.mode, 'sandbox')
    assert.include(props.datesWithInputs, SMALL_DATE)
  })

  test('create answers 422 with the field named and writes nothing', async ({ client, assert }) => {
    await importSmallDay()
    const { user } = await createUser({ role: 'operator' })
    const post = (body: Record<string, unknown>) =>
      client
        .post('/settlement/sandboxes')
        .header('accept', 'application/json')
        .json(body)
        .withCsrfToken()
        .loginAs(user)
    const fields = async (body: Record<string, unknown>) => {
      const response = await post(body)
      response.assertStatus(422)
      return response.body().errors.map((e: { field: string; message: string }) => e.field)
    }
    assert.includeMembers(await fields({ name: 'Bad name!', days: [] }), ['name', 'days'])
    assert.deepEqual(await fields({ name: 'ok-name', days: ['15/01/2026'] }), ['days.0'])
    assert.deepEqual(
      await fields({
        name: 'clash',
        days: [SMALL_DATE],
        pluginIds: ['p999_15min_periods', 'p998_5min_periods'],
      }),
      ['pluginIds']
    )
    assert.deepEqual(await fields({ name: 'old', days: ['2019-01-01'] }), ['days'])
    assert.deepEqual(await fields({ name: 'capped', days: [SMALL_DATE], maxParallelTasks: 0 }), [
      'maxParallelTasks',
    ])
    assert.lengthOf(await db.from('settlement_sandboxes'), 0)
  })

  test('an operator creates, runs, compares and deletes a trial', async ({ client, assert }) => {
    await importSmallDay()
    const { user } = await createUser({ role: 'operator' })
    const created = await client
      .post('/settlement/sandboxes')
      .json({ name: 'portal-trial', pluginIds: ['p999_15min_periods'], days: [SMALL_DATE] })
      .withCsrfToken()
      .loginAs(user)
      .redirects(0)
    created.assertStatus(302)
    const sandbox = await db.from('settlement_sandboxes').where('name', 'portal-trial').first()
    assert.equal(created.header('location'), `/settlement/sandboxes/${sandbox.id}`)
    assert.equal(sandbox.owner_user_id, user.id)

    const ran = await client
      .post(`/settlement/sandboxes/${sandbox.id}/runs`)
      .json({ runType: 'SF' })
      .withCsrfToken()
      .loginAs(user)
      .redirects(0)
    ran.assertStatus(302)
    assert.equal(await settled(sandbox.id), 'succeeded')

    const page = await client.get(`/settlement/sandboxes/${sandbox.id}`).withInertia().loginAs(user)
    page.assertInertiaComponent('settlement/sandboxes/show')
    const props = page.body().props
    assert.deepEqual(
      props.days.map((d: { settlementDate: string }) => d.settlementDate),
      [SMALL_DATE]
    )
    assert.equal(props.runs[0].periods, 96)
    assert.equal(props.comparison.days[0].trialRun.periodMinutes, 15)
    assert.isNull(props.comparison.days[0].productionRun)
    // Server-rendered: the page, its tables and the chart's data table are in the HTML.
    for (const url of ['/settlement/sandboxes', `/settlement/sandboxes/${sandbox.id}`]) {
      const html = await client.get(url).loginAs(user)
      html.assertStatus(200)
      assert.include(html.text(), 'portal-trial')
    }
    const shown = await client.get(`/settlement/sandboxes/${sandbox.id}`).loginAs(user)
    assert.include(shown.text(), 'data-testid="periods"')

    const again = await client
      .post(`/settlement/sandboxes/${sandbox.id}/runs`)
      .header('accept', 'application/json')
      .json({ runType: 'XX' })
      .withCsrfToken()
      .loginAs(user)
    again.assertStatus(422)
    assert.equal(again.body().errors[0].field, 'runType')

    const deleted = await client
      .delete(`/settlement/sandboxes/${sandbox.id}`)
      .withCsrfToken()
      .loginAs(user)
      .redirects(0)
    deleted.assertStatus(302)
    assert.equal(deleted.header('location'), '/settlement/sandboxes')
    assert.lengthOf(await db.from('settlement_sandboxes'), 0)
    assert.lengthOf(await db.from('settlement_runs').whereNotNull('sandbox_id'), 0)
    const actions = await db
      .from('core_audit_log')
      .where('subject_type', 'settlement_sandbox')
      .where('actor_user_id', user.id)
      .orderBy('id')
      .select('action', 'actor_user_id')
    assert.deepEqual(
      actions.map((row) => [row.action, row.actor_user_id]),
      [
        ['settlement.sandbox.create', user.id],
        ['settlement.sandbox.run', user.id],
        ['settlement.sandbox.delete', user.id],
      ]
    )
  })
})
