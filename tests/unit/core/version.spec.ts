import { test } from '@japa/runner'
import { readFileSync } from 'node:fs'
import { appVersion } from '#core/version'

test.group('appVersion', () => {
  test('reads the version from package.json', ({ assert }) => {
    const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8'))
    assert.equal(appVersion(), pkg.version)
    assert.match(appVersion(), /^\d+\.\d+\.\d+/)
  })
})
