import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import router from '@adonisjs/core/services/router'
import { recordsOf } from '#tests/fixtures/customer/party_b_records'
import { csrfForm } from '#tests/helpers/csrf'

/**
 * customer.md §13 invariant 1 and §15: on EVERY customer route the router
 * knows (portal and API), each kind of user of party A gets 404 or 403 for
 * party B's ids, never a success, and never B's data in the answer.
 */
function customerRoutes() {
  const all = Object.values(router.toJSON()).flat() as { pattern: string; methods: string[] }[]
  return all
    .filter(
      (route) =>
        route.pattern.startsWith('/customer') || route.pattern.startsWith('/api/v1/customer')
    )
    .filter(
      (route) =>
        !route.pattern.includes(':token') &&
        !route.pattern.endsWith('/join') &&
        !route.pattern.endsWith('openapi.json')
    )
    .flatMap((route) =>
      route.methods
        .filter((m) => m !== 'HEAD')
        .map((method) => ({ method, pattern: route.pattern }))
    )
}

test.group('Party isolation on every customer route', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('users of party A never reach party B', async ({ client, assert }) => {
    const a = await recordsOf('PARTYA')
    const b = await recordsOf('PARTYB')
    const routes = customerRoutes()
    assert.isAbove(routes.length, 100, 'both the portal and the API routes are enumerated')
    const form = await csrfForm(client)
    const secrets = [
      'PARTYB Energy Ltd',
      'Secret Name',
      'Secret Nominee',
      'Secret unit',
      'secret.pdf',
      'SECRET-LC',
      'Secret Credit Contact',
      'Secret Signatory',
    ]

    for (const { method, pattern } of routes) {
      const url = pattern
        .replace(':partyId', 'PARTYB')
        .replace(/([a-z-]+)\/:id/, (_, segment: string) => {
          assert.property(b.ids, segment, `a party-B record for /${segment}/:id`)
          return `${segment}/${b.ids[segment]}`
        })
      const api = pattern.startsWith('/api/')
      for (const [who, person] of Object.entries({
        assistant: a.people.assistant,
        catA: a.people.catA,
        sigB: a.people.sigB,
        sigF: a.people.sigF,
      })) {
        let request = client
          .request(url, method as any)
          .header('accept', 'application/json')
          .redirects(0)
        request = api
          ? request.withGuard('api').loginAs(person.user)
          : request
              .withSession(form.session)
              .header('x-csrf-token', form.token)
              .loginAs(person.user)
        const response = await request
        const body = response.text()
        const context = `${who} ${method} ${url} answered ${response.status()}`
        if (pattern.includes(':')) {
          assert.include([403, 404], response.status(), context)
        } else {
          assert.isBelow(response.status() < 300 ? 0 : response.status(), 600, context)
        }
        for (const secret of secrets) assert.notInclude(body, secret, context)
      }
    }
    assert.exists(b.bank)
    /* The same requests against party A's own ids get through CSRF, auth and scoping (not a blanket 403/404). */
    const own = await client
      .get(`/customer/parties/PARTYA/account`)
      .header('accept', 'application/json')
      .withSession(form.session)
      .loginAs(a.people.catA.user)
    own.assertStatus(200)
    const ownPost = await client
      .post(`/customer/change-requests/${a.ids['change-requests']}/approve`)
      .header('accept', 'application/json')
      .withSession(form.session)
      .header('x-csrf-token', form.token)
      .loginAs(a.people.catA.user)
      .redirects(0)
    ownPost.assertStatus(302)
  }).timeout(180000)
})
