import type { ApiClient } from '@japa/api-client'
import type { SessionData } from '@adonisjs/session/types'
import type { TestUser } from './users.js'
import { csrfForm } from './csrf.js'

/**
 * Signs in through the real forms (password, then the TOTP code when the user
 * has an authenticator) and answers the session a browser would now hold.
 * Most tests should prefer `.loginAs(user)`; this is for tests of the journey.
 */
export async function signIn(client: ApiClient, testUser: TestUser, ip = '203.0.113.10') {
  const form = await csrfForm(client)
  const afterPassword = await client
    .post('/login')
    .header('x-forwarded-for', ip)
    .withSession(form.session)
    .form({ email: testUser.user.email, password: testUser.password, _csrf: form.token })
    .redirects(0)
  if (!testUser.totpSecret) return afterPassword.session() as SessionData

  const afterCode = await client
    .post('/login/mfa')
    .header('x-forwarded-for', ip)
    .withSession(afterPassword.session())
    .form({ code: testUser.totpCode(), _csrf: form.token })
    .redirects(0)
  return afterCode.session() as SessionData
}
