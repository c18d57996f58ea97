import { mkdirSync } from 'node:fs'
import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import limiter from '@adonisjs/limiter/services/main'
import type { Page } from 'playwright'
import { createUser } from '#tests/helpers/users'

/** Resolves once Vue has hydrated the server-rendered page (the app is mounted on its root). */
async function hydrated(page: Page) {
  await page.waitForFunction(
    "[...document.querySelectorAll('body *')].some((element) => '__vue_app__' in element)"
  )
}

/**
 * Collects Vue's hydration-mismatch warnings and page errors while a test
 * runs. Vite's dev client cannot open its HMR socket in tests (HMR is off
 * there): that one error is expected.
 */
function watchConsole(page: Page) {
  const problems: string[] = []
  page.on('console', (message) => {
    if (/hydration/i.test(message.text())) problems.push(message.text())
  })
  page.on('pageerror', (error) => {
    if (!/^WebSocket closed without opened/.test(error.message)) problems.push(error.message)
  })
  return problems
}

test.group('Signing in with a password and an authenticator', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => limiter.clear())

  test('a signatory passes the TOTP challenge and reaches the dashboard', async ({
    visit,
    assert,
  }) => {
    await db.insertQuery().table('customer_parties').insert({
      party_id: 'BRWSRA',
      name: 'Browser Test Energy Ltd',
      status: 'active',
      country: 'GB',
      created_at: new Date().toISOString(),
    })
    const signatory = await createUser({
      role: 'signatory',
      partyId: 'BRWSRA',
      fullName: 'Sam Signatory',
    })

    const page = await visit('/login')
    const problems = watchConsole(page)
    await hydrated(page)
    await page.getByLabel('Email address').fill(signatory.user.email)
    await page.getByLabel('Password').fill(signatory.password)
    await page.getByRole('button', { name: 'Sign in' }).click()

    await page.waitForURL('**/login/mfa')
    await hydrated(page)
    await page.getByLabel('Code from your authenticator app').fill(signatory.totpCode())
    await page.getByRole('button', { name: 'Continue' }).click()

    await page.waitForURL('**/dashboard')
    await page.getByRole('heading', { name: 'Welcome, Sam Signatory' }).waitFor()
    assert.equal(
      await page.getByTestId('dashboard-party').innerText(),
      'Browser Test Energy Ltd (BRWSRA)'
    )
    assert.deepEqual(problems, [])

    mkdirSync(app.makePath('tmp/screenshots'), { recursive: true })
    await page.screenshot({
      path: app.makePath('tmp/screenshots/signatory_dashboard.png'),
      fullPage: true,
    })
  })

  test('a wrong password moves focus to the error summary', async ({ visit, assert }) => {
    const { user } = await createUser({ role: 'assistant' })
    const page = await visit('/login')
    await hydrated(page)
    await page.getByLabel('Email address').fill(user.email)
    await page.getByLabel('Password').fill('not the password at all')
    await page.getByRole('button', { name: 'Sign in' }).click()

    const summary = page.locator('.error-summary')
    await summary.waitFor()
    assert.include(await summary.innerText(), 'The email address or password is not correct.')
    assert.isTrue(
      await summary.evaluate((element) => element === element.ownerDocument.activeElement)
    )
    assert.equal(await page.getByLabel('Email address').inputValue(), user.email)
  })

  test('pages render on the server before any script runs', async ({ browserContext, assert }) => {
    const page = await browserContext.newPage()
    await page.route('**/*.{js,ts,vue}*', (route) => route.abort())
    await page.goto('/login')
    assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Sign in')
    assert.isTrue(await page.getByLabel('Email address').isVisible())
  })
})
