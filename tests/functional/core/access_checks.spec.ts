import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import User from '#core/auth/user'
import { registerAccessCheck } from '#core/auth/access_checks'
import { createUser } from '#tests/helpers/users'
import { csrfForm } from '#tests/helpers/csrf'

const REASON = 'Access for this party has ended.'

test.group('Access checks registered by contexts', (group) => {
  let unregister: () => void
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => {
    unregister = registerAccessCheck(async ({ partyId }) => (partyId === 'GONE' ? REASON : null))
    return () => unregister()
  })

  test('a refused user cannot sign in, and is told why', async ({ client }) => {
    const gone = await createUser({ role: 'assistant', partyId: 'GONE' })
    const form = await csrfForm(client)
    const response = await client
      .post('/login')
      .withSession(form.session)
      .form({ email: gone.user.email, password: gone.password, _csrf: form.token })
      .redirects(0)
    response.assertHeader('location', '/login')
    response.assertFlashMessage('inputErrorsBag', { form: [REASON] })
    response.assertSessionMissing('auth_web')
  })

  test('an existing session is signed out on its next page and JSON gets 403', async ({
    client,
  }) => {
    const { user } = await createUser({ role: 'assistant', partyId: 'GONE' })
    const page = await client.get('/dashboard').loginAs(user).redirects(0)
    page.assertStatus(302)
    page.assertHeader('location', '/login')
    const json = await client.get('/dashboard').header('accept', 'application/json').loginAs(user)
    json.assertStatus(403)
    json.assertBodyContains({ errors: [{ message: REASON }] })
  })

  test('tokens of a refused user stop working; other users are unaffected', async ({ client }) => {
    const gone = await createUser({ role: 'assistant', partyId: 'GONE' })
    const kept = await createUser({ role: 'assistant', partyId: 'KEPT' })
    const goneToken = await User.accessTokens.create(gone.user)
    const keptToken = await User.accessTokens.create(kept.user)
    const refused = await client.get('/api/v1/me').bearerToken(goneToken.value!.release())
    refused.assertStatus(403)
    const allowed = await client.get('/api/v1/me').bearerToken(keptToken.value!.release())
    allowed.assertStatus(200)
  })
})
