import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import limiter from '@adonisjs/limiter/services/main'
import { createUser } from '#tests/helpers/users'
import { csrfForm } from '#tests/helpers/csrf'

test.group('Throttling sign-in attempts', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => limiter.clear())

  test('5 wrong passwords for one email and address: the 6th attempt gets 429', async ({
    client,
    assert,
  }) => {
    const { user, password } = await createUser({ role: 'assistant' })
    const form = await csrfForm(client)
    const attempt = (pass: string, ip = '198.51.100.7') =>
      client
        .post('/login')
        .header('x-forwarded-for', ip)
        .withSession(form.session)
        .form({ email: user.email, password: pass, _csrf: form.token })
        .redirects(0)

    for (let i = 0; i < 5; i++) {
      const failure = await attempt('wrong password guess')
      failure.assertStatus(302)
    }

    /* Even the right password is refused until the window passes. */
    const blocked = await attempt(password)
    blocked.assertStatus(429)
    const retryAfter = Number(blocked.header('retry-after'))
    assert.isAbove(retryAfter, 0)
    assert.isAtMost(retryAfter, 15 * 60)
    blocked.assertSessionMissing('auth_web')
    blocked.assertTextIncludes('Too many failed sign-in attempts')

    /* The same account from another address is unaffected. */
    const elsewhere = await attempt(password, '198.51.100.8')
    elsewhere.assertStatus(302)
    elsewhere.assertHeader('location', '/dashboard')
  })

  test('an Inertia request sees the 429 and its message on the sign-in page', async ({
    client,
  }) => {
    const { user } = await createUser({ role: 'assistant' })
    const form = await csrfForm(client)
    const attempt = () =>
      client
        .post('/login')
        .header('x-forwarded-for', '198.51.100.9')
        .withSession(form.session)
        .form({ email: user.email, password: 'wrong password guess', _csrf: form.token })
        .withInertia()

    for (let i = 0; i < 5; i++) await attempt()
    const blocked = await attempt()
    blocked.assertStatus(429)
    blocked.assertInertiaComponent('auth/login')
    blocked.assert!.match(
      blocked.body().props.throttleMessage,
      /^Too many failed sign-in attempts\. Try again in \d+ minutes?\.$/
    )
  })

  test('a success before the limit forgives earlier failures', async ({ client }) => {
    const { user, password } = await createUser({ role: 'assistant' })
    const form = await csrfForm(client)
    const attempt = (pass: string) =>
      client
        .post('/login')
        .header('x-forwarded-for', '198.51.100.10')
        .withSession(form.session)
        .form({ email: user.email, password: pass, _csrf: form.token })
        .redirects(0)

    for (let i = 0; i < 4; i++) await attempt('wrong password guess')
    const success = await attempt(password)
    success.assertHeader('location', '/dashboard')
    for (let i = 0; i < 4; i++) {
      const laterFailure = await attempt('wrong password guess')
      laterFailure.assertStatus(302)
    }
    const response4 = await attempt(password)
    response4.assertHeader('location', '/dashboard')
  })

  test('5 wrong MFA codes: the next one gets 429, even a right one', async ({ client }) => {
    const signatory = await createUser({ role: 'signatory', partyId: 'PARTYA' })
    const form = await csrfForm(client)
    const afterPassword = await client
      .post('/login')
      .withSession(form.session)
      .form({ email: signatory.user.email, password: signatory.password, _csrf: form.token })
      .redirects(0)
    afterPassword.assertHeader('location', '/login/mfa')

    const attempt = (code: string) =>
      client
        .post('/login/mfa')
        .withSession(afterPassword.session())
        .form({ code, _csrf: form.token })
        .redirects(0)
    const wrong = signatory.totpCode() === '000000' ? '111111' : '000000'
    for (let i = 0; i < 5; i++) {
      const response5 = await attempt(wrong)
      response5.assertStatus(302)
    }

    const blocked = await attempt(signatory.totpCode())
    blocked.assertStatus(429)
    blocked.assert!.isAbove(Number(blocked.header('retry-after')), 0)
    blocked.assertSessionMissing('auth_web')
  })
})
