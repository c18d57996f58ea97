import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { registerDashboardWidget } from '#core/dashboard/dashboard_widgets'
import { createUser } from '#tests/helpers/users'

test.group('Dashboard', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a party user sees who they are, their party, MFA and shortcuts; no admin', async ({
    client,
    assert,
  }) => {
    const { user } = await createUser({ role: 'signatory', partyId: 'PARTYA' })
    const page = await client.get('/dashboard').loginAs(user).withInertia()
    page.assertInertiaComponent('dashboard')
    page.assertInertiaPropsContains({
      profile: { id: user.id, role: 'signatory', partyId: 'PARTYA' },
      mfa: { enabled: true, required: true },
      unreadNotifications: 0,
    })
    const props = page.body().props
    assert.deepEqual(
      props.shortcuts.map((s: { label: string }) => s.label),
      ['Customer', 'Settlement', 'Insights']
    )
    assert.notInclude(
      props.widgets.map((w: { id: string }) => w.id),
      'core.platform'
    )
  })

  test('operators get counts of parties and users from the platform widget', async ({
    client,
    assert,
  }) => {
    await db
      .insertQuery()
      .table('customer_parties')
      .multiInsert(
        ['PARTYA', 'PARTYB'].map((partyId) => ({
          party_id: partyId,
          name: `${partyId} Ltd`,
          status: 'active',
          country: 'GB',
          created_at: new Date().toISOString(),
        }))
      )
    await createUser({ role: 'assistant', partyId: 'PARTYA' })
    const { user } = await createUser({ role: 'operator' })
    const userCount = await db.from('core_users').count('* as total').first()
    const users = Number(userCount.total)

    const page = await client.get('/dashboard').loginAs(user).withInertia()
    const props = page.body().props
    assert.include(
      props.shortcuts.map((s: { label: string }) => s.label),
      'Admin'
    )
    const platform = props.widgets.find((w: { id: string }) => w.id === 'core.platform')
    const partyCount = await db.from('customer_parties').count('* as total').first()
    const parties = Number(partyCount.total)
    assert.deepInclude(platform.stats, { label: 'Parties', value: parties, href: '/customer' })
    assert.deepInclude(platform.stats, { label: 'Users', value: users, href: '/admin' })
  })

  test('a widget that fails does not break the dashboard', async ({ client, assert }) => {
    const unregister = registerDashboardWidget({
      id: 'test.failing',
      title: 'Failing',
      roles: ['assistant'],
      load: async () => {
        throw new Error('boom')
      },
    })
    try {
      const { user } = await createUser({ role: 'assistant' })
      const page = await client.get('/dashboard').loginAs(user).withInertia()
      page.assertStatus(200)
      const widget = page.body().props.widgets.find((w: { id: string }) => w.id === 'test.failing')
      assert.deepEqual(widget, { id: 'test.failing', title: 'Failing', failed: true })
    } finally {
      unregister()
    }
  })
})

test.group('Public pages and the dev mailbox', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the home page links to sign-in and Insights', async ({ client }) => {
    const response = await client.get('/')
    response.assertStatus(200)
    response.assertTextIncludes('href="/login"')
    response.assertTextIncludes('href="/insights"')
  })

  test('the mailbox lists the outbox newest first (dev transport: open to visitors)', async ({
    client,
    assert,
  }) => {
    const { user } = await createUser({ role: 'assistant' })
    await db
      .insertQuery()
      .table('core_mail_outbox')
      .multiInsert(
        ['Older', 'Newer'].map((subject) => ({
          to_address: user.email,
          subject,
          text_body: `${subject} body https://example.test/reset-password/abc`,
          transport: 'outbox',
          created_at: new Date().toISOString(),
        }))
      )
    const page = await client.get('/dev/mailbox').withInertia()
    page.assertInertiaComponent('dev/mailbox')
    page.assertInertiaPropsContains({ devTransport: true })
    const subjects = page.body().props.messages.map((m: { subject: string }) => m.subject)
    assert.deepEqual(subjects.slice(0, 2), ['Newer', 'Older'])
  })
})
