import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import mail from '@adonisjs/mail/services/main'
import env from '#start/env'
import { recordAudit, listAuditEntries } from '#core/audit/audit_log'
import { notify } from '#core/notifications/notify'
import { sendMail } from '#core/mail/send_mail'
import { createUser } from '#tests/helpers/users'
import { csrfForm } from '#tests/helpers/csrf'

test.group('Audit log', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('recordAudit appends a row with before/after as JSON', async ({ assert }) => {
    const { user } = await createUser({ role: 'signatory', partyId: 'PARTYA' })
    await recordAudit({
      actor: user,
      action: 'customer.contact_updated',
      subjectType: 'contact',
      subjectId: 42,
      partyId: 'PARTYA',
      before: { phone: '0100' },
      after: { phone: '0200' },
      ip: '192.0.2.1',
    })
    const { rows } = await listAuditEntries({ action: 'customer.contact_updated' })
    assert.lengthOf(rows, 1)
    assert.deepInclude(rows[0], {
      actorUserId: user.id,
      actorLabel: user.email,
      subjectType: 'contact',
      subjectId: '42',
      partyId: 'PARTYA',
      before: { phone: '0100' },
      after: { phone: '0200' },
      ip: '192.0.2.1',
    })
    assert.match(rows[0].createdAt, /Z$/)
  })

  test('the database refuses to change or delete audit rows', async ({ assert }) => {
    await recordAudit({ actor: null, action: 'test.entry', subjectType: 'x', subjectId: 1 })
    /* Each attempt in its own (nested) transaction: on PostgreSQL an error aborts the enclosing one. */
    await assert.rejects(
      () =>
        db.transaction((trx) =>
          trx.from('core_audit_log').where('action', 'test.entry').update({ action: 'forged' })
        ),
      /append-only/
    )
    await assert.rejects(
      () =>
        db.transaction((trx) => trx.from('core_audit_log').where('action', 'test.entry').delete()),
      /append-only/
    )
    const { rows } = await listAuditEntries({ action: 'test.entry' })
    assert.lengthOf(rows, 1)
  })

  test('operators read the audit log, filtered', async ({ client, assert }) => {
    const operator = await createUser({ role: 'operator' })
    await recordAudit({
      actor: operator.user,
      action: 'test.one',
      subjectType: 'x',
      subjectId: 1,
      partyId: 'PARTYA',
    })
    await recordAudit({
      actor: operator.user,
      action: 'test.two',
      subjectType: 'x',
      subjectId: 2,
      partyId: 'PARTYB',
    })

    const page = await client
      .get('/admin/audit')
      .qs({ party: 'PARTYB' })
      .loginAs(operator.user)
      .withInertia()
    page.assertInertiaComponent('admin/audit')
    assert.deepEqual(
      page.body().props.entries.map((entry: { action: string }) => entry.action),
      ['test.two']
    )
    assert.includeMembers(page.body().props.actionOptions, ['test.one', 'test.two'])
  })
})

test.group('Notifications', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('notify() stores the notification and mails it', async ({ assert }) => {
    const { user } = await createUser({ role: 'assistant', fullName: 'Nora Notified' })
    await notify(user, {
      title: 'Application approved',
      body: 'Your accession was approved.',
      link: '/customer',
    })

    const stored = await db.from('core_notifications').where('user_id', user.id).first()
    assert.equal(stored.title, 'Application approved')
    assert.isNull(stored.read_at)
    const sent = await db.from('core_mail_outbox').where('to_address', user.email).first()
    assert.equal(sent.subject, 'Application approved')
    assert.include(sent.text_body, 'Hello Nora Notified,')
    assert.match(sent.text_body, /https?:\/\/[^\s]+\/customer/)
    assert.include(sent.html_body, '<a href=')
  })

  test('the bell count, the list and marking as read', async ({ client, assert }) => {
    const { user } = await createUser({ role: 'assistant' })
    const other = await createUser({ role: 'assistant' })
    await notify(user, { title: 'First', body: 'One' })
    await notify(user, { title: 'Second', body: 'Two' })
    await notify(other.user, { title: 'Not yours', body: 'Three' })

    const page = await client.get('/account/notifications').loginAs(user).withInertia()
    page.assertInertiaComponent('account/notifications')
    page.assertInertiaPropsContains({ unreadNotifications: 2 })
    const list = page.body().props.notifications as { id: number; title: string }[]
    assert.deepEqual(
      list.map((n) => n.title),
      ['Second', 'First']
    )

    const form = await csrfForm(client)
    const read = await client
      .post(`/account/notifications/${list[0].id}/read`)
      .withSession(form.session)
      .loginAs(user)
      .form({ _csrf: form.token })
      .redirects(0)
    read.assertStatus(302)
    const after = await client.get('/dashboard').loginAs(user).withInertia()
    after.assertInertiaPropsContains({ unreadNotifications: 1 })

    const theirs = await db.from('core_notifications').where('user_id', other.user.id).first()
    const forbidden = await client
      .post(`/account/notifications/${theirs.id}/read`)
      .withSession(form.session)
      .loginAs(user)
      .form({ _csrf: form.token })
      .redirects(0)
    forbidden.assertStatus(404)

    await client
      .post('/account/notifications/read-all')
      .withSession(form.session)
      .loginAs(user)
      .form({ _csrf: form.token })
      .redirects(0)
    const none = await client.get('/account').loginAs(user).withInertia()
    none.assertInertiaPropsContains({ unreadNotifications: 0 })
    const stillUnread = await db
      .from('core_notifications')
      .where('user_id', other.user.id)
      .whereNull('read_at')
    assert.lengthOf(stillUnread, 1)
  })
})

test.group('Mail with an SMTP server configured', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => {
    env.set('SMTP_HOST', 'smtp.example.test')
    return () => {
      mail.restore()
      env.set('SMTP_HOST', '')
    }
  })

  test('each mail is kept in the outbox and queued for SMTP', async ({ assert }) => {
    const fake = mail.fake()
    await sendMail({ to: 'ann@example.test', subject: 'Hello', text: 'Body' })
    fake.messages.assertQueued({ to: 'ann@example.test', subject: 'Hello' })
    const row = await db.from('core_mail_outbox').where('to_address', 'ann@example.test').first()
    assert.equal(row.transport, 'smtp')
  })

  test('the mailbox is then for operators only', async ({ client }) => {
    const anonymous = await client.get('/dev/mailbox').withInertia()
    anonymous.assertStatus(404)
    const { user } = await createUser({ role: 'operator' })
    const operator = await client.get('/dev/mailbox').loginAs(user).withInertia()
    operator.assertStatus(200)
    operator.assertInertiaPropsContains({ devTransport: false })
  })
})
