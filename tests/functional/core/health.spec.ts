import { test } from '@japa/runner'

test.group('GET /health', () => {
  test('reports the app version and a working database', async ({ client }) => {
    const response = await client.get('/health')
    response.assertStatus(200)
    response.assertBodyContains({ status: 'ok', database: { status: 'ok' } })
    response.assert!.match(response.body().version, /^\d+\.\d+\.\d+/)
  })
})
