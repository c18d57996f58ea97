import { test } from '@japa/runner'
import router from '@adonisjs/core/services/router'

/**
 * Every route needs the `auth` middleware unless it is deliberately public:
 * the keyless Insights API and website, sign-in pages, health, and the
 * market-entry forms a prospect fills in before having an account. A new
 * route that forgets `auth` fails here until it is listed as public.
 */
const PUBLIC: RegExp[] = [
  /^\/$/,
  /^\/health$/,
  /^\/bmrs\/api\//,
  /^\/insights(\/(generation|system-prices|stack|demand|analysis|bmunits|requests|remit)(\/.*)?)?$/,
  /^\/insights\/charts\/:chart\/download$/,
  /^\/(login|login\/mfa|forgot-password|reset-password\/:token|logout)$/,
  /^\/dev\/mailbox$/,
  /^(\/api\/v1)?\/customer\/(join|invitations\/:token)$/,
  /^\/api\/v1\/customer\/openapi\.json$/,
]

/* Public website pages that still act for a signed-in party (they must carry auth). */
const PARTY_ONLY = [/^\/insights\/remit\/new$/, /^\/insights\/remit\/:[^/]+\/revise$/]

function routes() {
  return Object.values(router.toJSON()).flatMap((domainRoutes) =>
    domainRoutes.map((route) => ({
      pattern: route.pattern,
      methods: route.methods.join(','),
      named: [...route.middleware.all()]
        .map((entry) => (entry as { name?: string }).name)
        .filter((name): name is string => !!name),
    }))
  )
}

test.group('Route guard', () => {
  test('every non-public route requires authentication', ({ assert }) => {
    const all = routes()
    assert.isAbove(all.length, 100)
    const unguarded = all.filter(
      (route) =>
        !route.named.includes('auth') &&
        (PARTY_ONLY.some((re) => re.test(route.pattern)) ||
          !PUBLIC.some((re) => re.test(route.pattern)))
    )
    assert.deepEqual(
      unguarded.map((route) => `${route.methods} ${route.pattern}`),
      [],
      'routes without the auth middleware that are not listed as public'
    )
  })

  test('the public Insights API never asks for a session or token', ({ assert }) => {
    const api = routes().filter((route) => route.pattern.startsWith('/bmrs/api/'))
    assert.isAbove(api.length, 30)
    assert.deepEqual(
      api.filter((route) => route.named.length > 0).map((route) => route.pattern),
      []
    )
  })
})
