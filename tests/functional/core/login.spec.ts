import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import limiter from '@adonisjs/limiter/services/main'
import { createUser } from '#tests/helpers/users'
import { csrfForm } from '#tests/helpers/csrf'
import { INVALID_CREDENTIALS } from '#core/auth/controllers/session_controller'

test.group('Sign in with a password', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => limiter.clear())

  test('the sign-in page renders for visitors', async ({ client }) => {
    const response = await client.get('/login').withInertia()
    response.assertStatus(200)
    response.assertInertiaComponent('auth/login')

    const html = await client.get('/login')
    html.assertStatus(200)
    html.assertTextIncludes('Email address')
  })

  test('a correct password signs an assistant in and lands on the dashboard', async ({
    client,
    assert,
  }) => {
    const { user, password } = await createUser({ role: 'assistant', partyId: 'PARTYA' })
    const form = await csrfForm(client)
    const response = await client
      .post('/login')
      .withSession(form.session)
      .form({ email: `  ${user.email.toUpperCase()} `, password, _csrf: form.token })
      .redirects(0)

    response.assertStatus(302)
    response.assertHeader('location', '/dashboard')
    response.assertSession('auth_web', user.id)

    const dashboard = await client.get('/dashboard').withSession(response.session()).withInertia()
    dashboard.assertInertiaComponent('dashboard')
    dashboard.assertInertiaPropsContains({ currentUser: { id: user.id, partyId: 'PARTYA' } })

    const audit = await db.from('core_audit_log').where('action', 'auth.login').first()
    assert.equal(audit.actor_user_id, user.id)
    assert.equal(audit.party_id, 'PARTYA')
    await user.refresh()
    assert.isNotNull(user.lastLoginAt)
  })

  test('after sign-in the visitor returns to the page they asked for', async ({ client }) => {
    const { user, password } = await createUser({ role: 'assistant' })
    const form = await csrfForm(client)
    const denied = await client.get('/account/team').withSession(form.session).redirects(0)
    denied.assertStatus(302)
    denied.assertHeader('location', '/login')
    denied.assertFlashMessage('error', 'Sign in to continue.')

    const response = await client
      .post('/login')
      .withSession(denied.session())
      .form({ email: user.email, password, _csrf: form.token })
      .redirects(0)
    response.assertHeader('location', '/account/team')
  })

  test('a wrong password and an unknown email get the same generic answer', async ({
    client,
    assert,
  }) => {
    const { user } = await createUser({ role: 'assistant' })
    const form = await csrfForm(client)

    const wrongPassword = await client
      .post('/login')
      .withSession(form.session)
      .form({ email: user.email, password: 'not the password at all', _csrf: form.token })
      .redirects(0)
    const unknownEmail = await client
      .post('/login')
      .withSession(form.session)
      .form({
        email: 'nobody@example.test',
        password: 'not the password at all',
        _csrf: form.token,
      })
      .redirects(0)

    for (const response of [wrongPassword, unknownEmail]) {
      response.assertStatus(302)
      response.assertHeader('location', '/login')
      response.assertFlashMessage('inputErrorsBag', { form: [INVALID_CREDENTIALS] })
      response.assertSessionMissing('auth_web')
    }
    assert.deepEqual(
      wrongPassword.flashMessage('inputErrorsBag'),
      unknownEmail.flashMessage('inputErrorsBag')
    )

    const failures = await db
      .from('core_audit_log')
      .where('action', 'auth.login_failed')
      .orderBy('id')
    assert.deepEqual(
      failures.map((row) => [row.subject_type, row.subject_id]),
      [
        ['user', String(user.id)],
        ['email', 'nobody@example.test'],
      ]
    )
  })

  test('the failure shows on the page as an error summary', async ({ client }) => {
    const { user } = await createUser({ role: 'assistant' })
    const form = await csrfForm(client)
    const response = await client
      .post('/login')
      .withSession(form.session)
      .form({ email: user.email, password: 'not the password at all', _csrf: form.token })
      .withInertia()
    response.assertInertiaComponent('auth/login')
    response.assertInertiaPropsContains({ errors: { form: INVALID_CREDENTIALS } })
  })

  test('malformed input is a validation error, never a 500', async ({ client }) => {
    const form = await csrfForm(client)
    const page = await client
      .post('/login')
      .withSession(form.session)
      .form({ email: 'not-an-email', password: '', _csrf: form.token })
      .redirects(0)
    page.assertStatus(302)
    const errors = page.flashMessage('inputErrorsBag')
    page.assert!.properties(errors, ['email', 'password'])

    const json = await client
      .post('/login')
      .withSession(form.session)
      .header('accept', 'application/json')
      .json({ email: ['x'], password: { a: 1 }, _csrf: form.token })
    json.assertStatus(422)
  })

  test('a form post without a valid CSRF token is rejected', async ({ client, assert }) => {
    const { user, password } = await createUser({ role: 'assistant' })
    const form = await csrfForm(client)
    const missing = await client
      .post('/login')
      .withSession(form.session)
      .form({ email: user.email, password })
      .redirects(0)
    const forged = await client
      .post('/login')
      .withSession(form.session)
      .form({ email: user.email, password, _csrf: 'forged-token' })
      .redirects(0)

    for (const response of [missing, forged]) {
      response.assertStatus(302)
      response.assertFlashMessage('error', 'Invalid or expired CSRF token')
      response.assertSessionMissing('auth_web')
    }
    assert.notExists(await db.from('core_audit_log').where('action', 'auth.login').first())
  })

  test('signing out ends the session', async ({ client, assert }) => {
    const { user } = await createUser({ role: 'assistant' })
    const form = await csrfForm(client)
    const response = await client
      .post('/logout')
      .withSession(form.session)
      .loginAs(user)
      .form({ _csrf: form.token })
      .redirects(0)
    response.assertStatus(302)
    response.assertHeader('location', '/login')
    response.assertSessionMissing('auth_web')
    response.assertFlashMessage('success', 'You have signed out.')

    const after = await client.get('/dashboard').withSession(response.session()).redirects(0)
    after.assertHeader('location', '/login')
    assert.exists(await db.from('core_audit_log').where('action', 'auth.logout').first())
  })

  test('signed-in users are sent from /login to the dashboard', async ({ client }) => {
    const { user } = await createUser({ role: 'assistant' })
    const response = await client.get('/login').loginAs(user).redirects(0)
    response.assertStatus(302)
    response.assertHeader('location', '/dashboard')
  })
})
