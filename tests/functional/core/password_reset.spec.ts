import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import limiter from '@adonisjs/limiter/services/main'
import type { ApiClient } from '@japa/api-client'
import User from '#core/auth/user'
import { createUser } from '#tests/helpers/users'
import { csrfForm } from '#tests/helpers/csrf'

const NEW_PASSWORD = 'a brand new passphrase'

async function requestReset(client: ApiClient, email: string) {
  const form = await csrfForm(client)
  const response = await client
    .post('/forgot-password')
    .withSession(form.session)
    .form({ email, _csrf: form.token })
    .redirects(0)
  return { response, form }
}

/** The reset link's token, read from the newest mail to that address in the outbox. */
async function tokenFromOutbox(email: string) {
  const mail = await db
    .from('core_mail_outbox')
    .where('to_address', email)
    .orderBy('id', 'desc')
    .first()
  const match = /\/reset-password\/([A-Za-z0-9_-]+)/.exec(mail.text_body)
  return match![1]
}

function submitReset(
  client: ApiClient,
  form: { session: any; token: string },
  token: string,
  password = NEW_PASSWORD
) {
  return client
    .post(`/reset-password/${token}`)
    .withSession(form.session)
    .form({ password, password_confirmation: password, _csrf: form.token })
    .redirects(0)
}

test.group('Password reset', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => limiter.clear())

  test('known and unknown addresses get the same answer; only a known one gets mail', async ({
    client,
    assert,
  }) => {
    const { user } = await createUser({ role: 'assistant' })
    const known = await requestReset(client, user.email)
    const unknown = await requestReset(client, 'nobody@example.test')

    for (const [{ response }, email] of [
      [known, user.email],
      [unknown, 'nobody@example.test'],
    ] as const) {
      response.assertStatus(302)
      response.assertHeader('location', '/forgot-password')
      response.assertFlashMessage(
        'success',
        `If ${email} belongs to an account, we have sent it a link to reset the password. The link works once, for one hour.`
      )
    }
    const mails = await db.from('core_mail_outbox').select('to_address', 'subject', 'transport')
    assert.deepEqual(mails, [
      { to_address: user.email, subject: 'Reset your Kinnect Open password', transport: 'outbox' },
    ])
    const row = await db.from('core_password_reset_tokens').where('user_id', user.id).first()
    assert.notInclude(row.token_hash, await tokenFromOutbox(user.email))
  })

  test('the emailed link sets a new password once and signs out every session', async ({
    client,
    assert,
  }) => {
    const { user, password } = await createUser({ role: 'assistant' })
    const { form } = await requestReset(client, user.email)
    const token = await tokenFromOutbox(user.email)

    const page = await client.get(`/reset-password/${token}`).withInertia()
    page.assertInertiaPropsContains({ usable: true })
    page.assertHeader('referrer-policy', 'no-referrer')

    const reset = await submitReset(client, form, token)
    reset.assertHeader('location', '/login')
    reset.assertFlashMessage('success', 'Your password has been changed. Sign in with the new one.')

    const stored = await User.findOrFail(user.id)
    assert.isTrue(await stored.verifyPassword(NEW_PASSWORD))
    assert.isFalse(await stored.verifyPassword(password))
    assert.equal(stored.sessionEpoch, 1)
    assert.exists(await db.from('core_audit_log').where('action', 'auth.password_reset').first())
    const notice = await db
      .from('core_mail_outbox')
      .where('subject', 'Your password was changed')
      .first()
    assert.equal(notice.to_address, user.email)

    /* A session signed in before the reset (epoch 0) is signed out on its next request. */
    const stale = await client.get('/dashboard').loginAs(user).redirects(0)
    stale.assertHeader('location', '/login')
    stale.assertFlashMessage('error', 'Your password was changed. Sign in again.')

    /* Single use. */
    const again = await submitReset(client, form, token, 'yet another passphrase')
    again.assertHeader('location', '/forgot-password')
    again.assertFlashMessage(
      'error',
      'This reset link has expired or has already been used. Ask for a new one.'
    )
    const unusable = await client.get(`/reset-password/${token}`).withInertia()
    unusable.assertInertiaPropsContains({ usable: false })
  })

  test('an expired link does nothing', async ({ client, assert }) => {
    const { user, password } = await createUser({ role: 'assistant' })
    const { form } = await requestReset(client, user.email)
    const token = await tokenFromOutbox(user.email)
    await db
      .from('core_password_reset_tokens')
      .where('user_id', user.id)
      .update({ expires_at: new Date(Date.now() - 1000).toISOString() })

    const response = await submitReset(client, form, token)
    response.assertHeader('location', '/forgot-password')
    const stored = await User.findOrFail(user.id)
    assert.isTrue(await stored.verifyPassword(password))
  })

  test('asking again replaces the earlier link', async ({ client }) => {
    const { user } = await createUser({ role: 'assistant' })
    await requestReset(client, user.email)
    const first = await tokenFromOutbox(user.email)
    const { form } = await requestReset(client, user.email)
    const second = await tokenFromOutbox(user.email)

    const withFirst = await submitReset(client, form, first)
    withFirst.assertHeader('location', '/forgot-password')
    const withSecond = await submitReset(client, form, second)
    withSecond.assertHeader('location', '/login')
  })

  test('a short password is refused and the link stays usable', async ({ client, assert }) => {
    const { user } = await createUser({ role: 'assistant' })
    const { form } = await requestReset(client, user.email)
    const token = await tokenFromOutbox(user.email)

    const weak = await submitReset(client, form, token, 'short pass')
    weak.assertStatus(302)
    assert.match(
      (weak.flashMessage('inputErrorsBag') as Record<string, string[]>).password[0],
      /at least 12 characters/
    )

    const mismatch = await client
      .post(`/reset-password/${token}`)
      .withSession(form.session)
      .form({
        password: NEW_PASSWORD,
        password_confirmation: 'something else entirely',
        _csrf: form.token,
      })
      .redirects(0)
    mismatch.assertStatus(302)
    assert.exists(mismatch.flashMessage('inputErrorsBag'))

    const withGoodPassword = await submitReset(client, form, token)
    withGoodPassword.assertHeader('location', '/login')
  })

  test('reset requests from one address are throttled', async ({ client, assert }) => {
    const form = await csrfForm(client)
    const ask = () =>
      client
        .post('/forgot-password')
        .header('x-forwarded-for', '192.0.2.44')
        .withSession(form.session)
        .form({ email: 'someone@example.test', _csrf: form.token })
        .redirects(0)
    for (let i = 0; i < 5; i++) {
      const request = await ask()
      request.assertStatus(302)
    }
    const blocked = await ask()
    blocked.assertStatus(429)
    assert.isAbove(Number(blocked.header('retry-after')), 0)
  })
})
