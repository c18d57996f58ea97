import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import limiter from '@adonisjs/limiter/services/main'
import { createUser, type TestUser } from '#tests/helpers/users'
import { csrfForm } from '#tests/helpers/csrf'
import type { ApiClient } from '@japa/api-client'

/** Password step of the sign-in; answers the pending session and a CSRF token. */
async function passwordStep(client: ApiClient, testUser: TestUser) {
  const form = await csrfForm(client)
  const response = await client
    .post('/login')
    .withSession(form.session)
    .form({ email: testUser.user.email, password: testUser.password, _csrf: form.token })
    .redirects(0)
  response.assertHeader('location', '/login/mfa')
  response.assertSessionMissing('auth_web')
  return { session: response.session(), token: form.token }
}

function submitCode(client: ApiClient, step: { session: any; token: string }, code: string) {
  return client
    .post('/login/mfa')
    .withSession(step.session)
    .form({ code, _csrf: step.token })
    .redirects(0)
}

test.group('MFA sign-in challenge', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => limiter.clear())

  test('after the password, nothing but the code page is reachable', async ({ client }) => {
    const signatory = await createUser({ role: 'signatory' })
    const step = await passwordStep(client, signatory)

    const page = await client.get('/login/mfa').withSession(step.session).withInertia()
    page.assertInertiaComponent('auth/mfa_challenge')

    for (const url of ['/dashboard', '/account', '/account/tokens']) {
      const denied = await client.get(url).withSession(step.session).redirects(0)
      denied.assertStatus(302)
      denied.assertHeader('location', '/login/mfa')
    }
    const api = await client.get('/api/v1/me').withSession(step.session)
    api.assertStatus(401)
  })

  test('a current TOTP code completes the sign-in', async ({ client, assert }) => {
    const signatory = await createUser({ role: 'signatory', partyId: 'PARTYA' })
    const step = await passwordStep(client, signatory)
    const response = await submitCode(client, step, signatory.totpCode())
    response.assertStatus(302)
    response.assertHeader('location', '/dashboard')
    response.assertSession('auth_web', signatory.user.id)
    response.assertSessionMissing('auth.pendingMfa')

    const dashboard = await client.get('/dashboard').withSession(response.session()).withInertia()
    dashboard.assertInertiaComponent('dashboard')
    const login = await db.from('core_audit_log').where('action', 'auth.login').first()
    assert.deepEqual(JSON.parse(login.after), { method: 'totp' })
  })

  test('the previous 30-second step is accepted, two steps back is not', async ({ client }) => {
    const signatory = await createUser({ role: 'signatory' })
    const step = await passwordStep(client, signatory)
    const twoStepsBack = await submitCode(client, step, signatory.totpCode(Date.now() - 60_000))
    twoStepsBack.assertHeader('location', '/login/mfa')
    const oneStepBack = await submitCode(client, step, signatory.totpCode(Date.now() - 30_000))
    oneStepBack.assertHeader('location', '/dashboard')
  })

  test('a wrong code is refused with one message and audited', async ({ client, assert }) => {
    const signatory = await createUser({ role: 'signatory' })
    const step = await passwordStep(client, signatory)
    const wrong = signatory.totpCode() === '123456' ? '654321' : '123456'
    const response = await submitCode(client, step, wrong)
    response.assertHeader('location', '/login/mfa')
    response.assertSessionMissing('auth_web')
    response.assert!.match(
      (response.flashMessage('inputErrorsBag') as Record<string, string[]>).code[0],
      /^The code is not valid/
    )
    assert.exists(await db.from('core_audit_log').where('action', 'auth.mfa_failed').first())
  })

  test('the same code cannot be used twice', async ({ client }) => {
    const signatory = await createUser({ role: 'signatory' })
    const code = signatory.totpCode()
    const firstUse = await submitCode(client, await passwordStep(client, signatory), code)
    firstUse.assertHeader('location', '/dashboard')
    const replay = await submitCode(client, await passwordStep(client, signatory), code)
    replay.assertHeader('location', '/login/mfa')
    replay.assertSessionMissing('auth_web')
  })

  test('a recovery code works once, and the user is told', async ({ client, assert }) => {
    const signatory = await createUser({ role: 'signatory' })
    const [first] = signatory.recoveryCodes

    const used = await submitCode(
      client,
      await passwordStep(client, signatory),
      first.toUpperCase()
    )
    used.assertHeader('location', '/dashboard')
    used.assertFlashMessage('success', 'Signed in with a recovery code. You have 9 left.')
    await signatory.user.refresh()
    assert.lengthOf(JSON.parse(signatory.user.recoveryCodes!), 9)
    const notice = await db.from('core_notifications').where('user_id', signatory.user.id).first()
    assert.equal(notice.title, 'A recovery code was used to sign in')

    const again = await submitCode(client, await passwordStep(client, signatory), first)
    again.assertHeader('location', '/login/mfa')
  })

  test('the pending sign-in expires', async ({ client }) => {
    const signatory = await createUser({ role: 'signatory' })
    const step = await passwordStep(client, signatory)
    step.session.auth.pendingMfa.startedAt -= 11 * 60 * 1000
    const response = await submitCode(client, step, signatory.totpCode())
    response.assertHeader('location', '/login')
    response.assertFlashMessage('error', 'Your sign-in has timed out. Sign in again.')
  })
})
