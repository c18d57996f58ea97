import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import limiter from '@adonisjs/limiter/services/main'
import { Secret, TOTP } from 'otpauth'
import User from '#core/auth/user'
import { createUser } from '#tests/helpers/users'
import { csrfForm } from '#tests/helpers/csrf'

test.group('MFA enrolment', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => limiter.clear())

  test('a signatory without MFA is sent to enrolment from every portal page', async ({
    client,
  }) => {
    const { user } = await createUser({ role: 'signatory', mfa: false })
    for (const url of ['/dashboard', '/account', '/account/tokens', '/account/team']) {
      const response = await client.get(url).loginAs(user).redirects(0)
      response.assertStatus(302)
      response.assertHeader('location', '/account/mfa/setup')
    }
    const json = await client.get('/dashboard').loginAs(user).header('accept', 'application/json')
    json.assertStatus(403)

    const setup = await client.get('/account/mfa/setup').loginAs(user).withInertia()
    setup.assertInertiaComponent('account/mfa_setup')
    setup.assertInertiaPropsContains({ required: true })
  })

  test('scanning the secret and entering a code turns MFA on, with 10 recovery codes', async ({
    client,
    assert,
  }) => {
    const { user } = await createUser({ role: 'operator', mfa: false })
    const form = await csrfForm(client)
    const setup = await client
      .get('/account/mfa/setup')
      .withSession(form.session)
      .loginAs(user)
      .withInertia()
    const props = setup.body().props
    assert.match(props.qrDataUrl, /^data:image\/svg\+xml;base64,/)
    assert.match(props.otpauthUri, /^otpauth:\/\/totp\/Kinnect%20Open:/)
    const secret = props.secret.replaceAll(' ', '')

    /* Reloading the page keeps the same secret (the app may already hold it). */
    const reload = await client.get('/account/mfa/setup').withSession(setup.session()).withInertia()
    assert.equal(reload.body().props.secret.replaceAll(' ', ''), secret)

    const wrong = await client
      .post('/account/mfa/setup')
      .withSession(setup.session())
      .form({
        code:
          '000000' === TOTP.generate({ secret: Secret.fromBase32(secret) }) ? '111111' : '000000',
        _csrf: form.token,
      })
      .redirects(0)
    wrong.assertHeader('location', '/account/mfa/setup')
    await user.refresh()
    assert.isNull(user.mfaEnabledAt)

    const confirmed = await client
      .post('/account/mfa/setup')
      .withSession(setup.session())
      .form({ code: TOTP.generate({ secret: Secret.fromBase32(secret) }), _csrf: form.token })
      .redirects(0)
    confirmed.assertHeader('location', '/account/mfa/recovery-codes')
    const codes = confirmed.flashMessage('recoveryCodes') as unknown as string[]
    assert.lengthOf(codes, 10)
    assert.lengthOf(new Set(codes), 10)

    const shown = await client
      .get('/account/mfa/recovery-codes')
      .withSession(confirmed.session())
      .withFlashMessages({ recoveryCodes: codes })
      .withInertia()
    shown.assertInertiaPropsContains({ codes })
    const shownAgain = await client
      .get('/account/mfa/recovery-codes')
      .withSession(confirmed.session())
      .withInertia()
    shownAgain.assertInertiaPropsContains({ codes: null })

    const stored = await User.findOrFail(user.id)
    assert.isNotNull(stored.mfaEnabledAt)
    assert.notInclude(stored.mfaSecret!, secret)
    for (const code of codes) assert.notInclude(stored.recoveryCodes!, code)
    assert.exists(await db.from('core_audit_log').where('action', 'mfa.enabled').first())

    /* The enrolled operator now reaches the portal. */
    const dashboard = await client.get('/dashboard').loginAs(stored).redirects(0)
    dashboard.assertStatus(200)
  })

  test('new recovery codes and turning MFA off need the password', async ({ client, assert }) => {
    const signatory = await createUser({ role: 'signatory' })
    const form = await csrfForm(client)
    const post = (url: string, currentPassword: string) =>
      client
        .post(url)
        .withSession(form.session)
        .loginAs(signatory.user)
        .form({ currentPassword, _csrf: form.token })
        .redirects(0)

    const refused = await post('/account/mfa/recovery-codes', 'not my password')
    refused.assertHeader('location', '/account')
    refused.assertFlashMessage('inputErrorsBag', {
      currentPassword: ['The password is not correct'],
    })

    const regenerated = await post('/account/mfa/recovery-codes', signatory.password)
    regenerated.assertHeader('location', '/account/mfa/recovery-codes')
    const fresh = regenerated.flashMessage('recoveryCodes') as unknown as string[]
    assert.lengthOf(fresh, 10)
    assert.notIncludeMembers(fresh, signatory.recoveryCodes)

    /* A signatory must use MFA: turning it off means setting up a new authenticator. */
    const disabled = await post('/account/mfa/disable', signatory.password)
    disabled.assertHeader('location', '/account/mfa/setup')
    await signatory.user.refresh()
    assert.isNull(signatory.user.mfaEnabledAt)
    assert.isNull(signatory.user.mfaSecret)
    assert.exists(await db.from('core_audit_log').where('action', 'mfa.disabled').first())
  })

  test('an assistant may turn MFA off for good', async ({ client, assert }) => {
    const assistant = await createUser({ role: 'assistant', mfa: true })
    const form = await csrfForm(client)
    const response = await client
      .post('/account/mfa/disable')
      .withSession(form.session)
      .loginAs(assistant.user)
      .form({ currentPassword: assistant.password, _csrf: form.token })
      .redirects(0)
    response.assertHeader('location', '/account')
    await assistant.user.refresh()
    assert.isNull(assistant.user.mfaEnabledAt)
    const dashboard = await client.get('/dashboard').loginAs(assistant.user).redirects(0)
    dashboard.assertStatus(200)
  })
})
