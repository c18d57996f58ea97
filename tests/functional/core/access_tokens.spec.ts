import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import type { ApiClient } from '@japa/api-client'
import type User from '#core/auth/user'
import { createUser } from '#tests/helpers/users'
import { csrfForm } from '#tests/helpers/csrf'

async function createToken(client: ApiClient, user: User, name: string) {
  const form = await csrfForm(client)
  const response = await client
    .post('/account/tokens')
    .withSession(form.session)
    .loginAs(user)
    .form({ name, _csrf: form.token })
    .redirects(0)
  response.assertHeader('location', '/account/tokens')
  return { value: (response.flashMessage('newToken') as { value: string }).value, form }
}

test.group('Personal access tokens and /api/v1/me', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a token made on /account/tokens authenticates /api/v1/me as its owner', async ({
    client,
    assert,
  }) => {
    await db.insertQuery().table('customer_parties').insert({
      party_id: 'PARTYA',
      name: 'Party A Energy Ltd',
      status: 'active',
      country: 'GB',
      created_at: new Date().toISOString(),
    })
    const { user } = await createUser({ role: 'signatory', partyId: 'PARTYA' })
    const { value } = await createToken(client, user, 'Metering upload')
    assert.match(value, /^knt_/)

    const me = await client.get('/api/v1/me').bearerToken(value)
    me.assertStatus(200)
    me.assertBodyContains({
      data: {
        id: user.id,
        email: user.email,
        role: 'signatory',
        partyId: 'PARTYA',
        party: { partyId: 'PARTYA', name: 'Party A Energy Ltd', status: 'active' },
      },
    })
    assert.notProperty(me.body().data, 'password')

    const page = await client.get('/account/tokens').loginAs(user).withInertia()
    const listed = page.body().props.tokens
    assert.lengthOf(listed, 1)
    assert.equal(listed[0].name, 'Metering upload')
    assert.isNotNull(listed[0].lastUsedAt)
    assert.isNull(page.body().props.newToken)

    const audit = await db.from('core_audit_log').where('action', 'token.created').first()
    assert.deepInclude(JSON.parse(audit.after), { name: 'Metering upload' })
  })

  test('without a valid token the API answers 401 in JSON, and a session cookie is not enough', async ({
    client,
  }) => {
    const { user } = await createUser({ role: 'assistant' })
    const anonymous = await client.get('/api/v1/me').header('accept', 'application/json')
    anonymous.assertStatus(401)
    anonymous.assertBodyContains({ errors: [{ message: 'Unauthorized access' }] })

    const bogus = await client.get('/api/v1/me').bearerToken('knt_bogus.token')
    bogus.assertStatus(401)
    const viaSession = await client
      .get('/api/v1/me')
      .loginAs(user)
      .header('accept', 'application/json')
    viaSession.assertStatus(401)
  })

  test('a revoked token stops working at once', async ({ client, assert }) => {
    const { user } = await createUser({ role: 'assistant' })
    const { value, form } = await createToken(client, user, 'Temporary')
    const page = await client.get('/account/tokens').loginAs(user).withInertia()
    const id = page.body().props.tokens[0].id

    const revoked = await client
      .delete(`/account/tokens/${id}`)
      .withSession(form.session)
      .loginAs(user)
      .header('x-csrf-token', form.token)
      .redirects(0)
    revoked.assertStatus(302)
    revoked.assertFlashMessage('success', 'Token "Temporary" revoked.')
    const afterRevoke = await client.get('/api/v1/me').bearerToken(value)
    afterRevoke.assertStatus(401)
    assert.exists(await db.from('core_audit_log').where('action', 'token.revoked').first())
  })

  test("another user's token cannot be revoked (404)", async ({ client }) => {
    const owner = await createUser({ role: 'assistant' })
    const other = await createUser({ role: 'assistant' })
    const { value, form } = await createToken(client, owner.user, 'Mine')
    const page = await client.get('/account/tokens').loginAs(owner.user).withInertia()
    const id = page.body().props.tokens[0].id

    const response = await client
      .delete(`/account/tokens/${id}`)
      .withSession(form.session)
      .loginAs(other.user)
      .header('x-csrf-token', form.token)
      .redirects(0)
    response.assertStatus(404)
    const stillWorks = await client.get('/api/v1/me').bearerToken(value)
    stillWorks.assertStatus(200)
  })

  test('a signatory without MFA cannot make a token', async ({ client, assert }) => {
    const { user } = await createUser({ role: 'signatory', mfa: false })
    const form = await csrfForm(client)
    const response = await client
      .post('/account/tokens')
      .withSession(form.session)
      .loginAs(user)
      .form({ name: 'Sneaky', _csrf: form.token })
      .redirects(0)
    response.assertHeader('location', '/account/mfa/setup')
    assert.notExists(await db.from('core_access_tokens').first())
  })

  test('a token name is required', async ({ client }) => {
    const { user } = await createUser({ role: 'assistant' })
    const form = await csrfForm(client)
    const response = await client
      .post('/account/tokens')
      .withSession(form.session)
      .loginAs(user)
      .header('accept', 'application/json')
      .json({ name: '   ', _csrf: form.token })
    response.assertStatus(422)
  })
})
