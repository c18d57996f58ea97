import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { test } from '@japa/runner'
import type { ApiClient } from '@japa/api-client'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { createUser } from '#tests/helpers/users'
import { rulesCatalogue } from '#settlement/enablement/rules_catalogue'
import { folderEntries, tarGz, zip, type Entry } from './support/archives.js'
import { BAD, GOOD, runtimeOn, scratchPlugins, useRuntime } from './support/rules_fixtures.js'

/**
 * Uploading a plugin archive on /admin/rules (issue 4 §4): size, paths and
 * the plugin itself are validated before anything is installed; a good one is
 * moved into place and loaded by a new pool generation, a bad one is rejected
 * with its reasons and nothing changes.
 */
const withVersion = (entries: Entry[], version: number) =>
  entries.map((entry) =>
    entry.path.endsWith('manifest.yaml')
      ? { ...entry, data: String(entry.data).replace(/^version: \d+$/m, `version: ${version}`) }
      : entry
  )

test.group('Plugin archive upload', (group) => {
  let scratch: ReturnType<typeof scratchPlugins>
  let restore: () => void
  let runtime: ReturnType<typeof runtimeOn>
  group.each.setup(() => {
    scratch = scratchPlugins('anti_audit')
    runtime = runtimeOn(scratch.dir)
    restore = useRuntime(runtime)
    return () => {
      restore()
      scratch.remove()
    }
  })
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  const upload = async (client: ApiClient, archive: Buffer, fileName: string) => {
    const { user } = await createUser({ role: 'admin' })
    return client
      .post('/admin/rules/uploads')
      .header('accept', 'application/json')
      .file('archive', archive, { filename: fileName })
      .withCsrfToken()
      .loginAs(user)
      .redirects(0)
  }
  const folderState = () => readdirSync(scratch.dir).sort()

  test('a .zip of a plugin folder is validated, installed and loaded by a new generation', async ({
    client,
    assert,
  }) => {
    const generation = runtime.pool.generation
    const response = await upload(
      client,
      zip(folderEntries(join(GOOD, 'audit_totals'), 'audit_totals')),
      'audit_totals.zip'
    )
    response.assertStatus(302)
    response.assertHeader('location', '/admin/rules/audit_totals')
    assert.deepEqual(folderState(), ['anti_audit', 'audit_totals'])
    assert.equal(
      readFileSync(join(scratch.dir, 'audit_totals/manifest.yaml'), 'utf8'),
      readFileSync(join(GOOD, 'audit_totals/manifest.yaml'), 'utf8')
    )
    assert.isAbove(runtime.pool.generation, generation)
    const catalogue = await rulesCatalogue(runtime)
    assert.deepEqual(catalogue.plugins.find((p) => p.id === 'audit_totals')?.problems, [])
    const [audit] = await db.from('core_audit_log').where('action', 'settlement.rules.install')
    assert.include(audit, { subject_id: 'audit_totals' })
    assert.deepInclude(JSON.parse(audit.after), { version: 1, fileName: 'audit_totals.zip' })
  }).timeout(60_000)

  test('a .tar.gz with a higher version replaces the installed one; the same version is refused', async ({
    client,
    assert,
  }) => {
    const entries = folderEntries(join(GOOD, 'anti_audit'), 'anti_audit')
    const upgraded = await upload(client, tarGz(withVersion(entries, 2)), 'anti_audit-2.tar.gz')
    upgraded.assertStatus(302)
    assert.include(
      readFileSync(join(scratch.dir, 'anti_audit/manifest.yaml'), 'utf8'),
      'version: 2'
    )
    const again = await upload(client, tarGz(withVersion(entries, 2)), 'anti_audit-2.tar.gz')
    again.assertStatus(422)
    assert.include(
      again.body().errors[0].message,
      'anti_audit version 2 is installed: upload a higher version to replace it'
    )
    assert.deepEqual(folderState(), ['anti_audit'])
  }).timeout(60_000)

  test('unsafe, damaged or invalid archives are rejected with the reason and change nothing', async ({
    client,
    assert,
  }) => {
    const good = folderEntries(join(GOOD, 'audit_totals'), 'audit_totals')
    const cases: [Buffer, string, RegExp][] = [
      [
        zip([...good, { path: '../escape.txt', data: 'x' }]),
        'p.zip',
        /unsafe path in the archive: "\.\.\/escape\.txt"/,
      ],
      [tarGz([...good, { path: '/etc/cron.d/x', data: 'x' }]), 'p.tar.gz', /unsafe path/],
      [
        tarGz([...good, { path: 'audit_totals/link', linkTo: '/etc/passwd' }]),
        'p.tar.gz',
        /is a link/,
      ],
      [zip([...good, { path: 'audit_totals/link', linkTo: '/etc/passwd' }]), 'p.zip', /is a link/],
      [Buffer.from('not an archive at all'), 'p.zip', /must be a \.zip or a \.tar\.gz/],
      [zip([{ path: 'README.md', data: 'no manifest' }]), 'p.zip', /has no manifest\.yaml/],
      [
        zip(folderEntries(join(BAD, 'bad_cycle'), 'bad_cycle')),
        'p.zip',
        /bad_cycle: stages depend on each other in a cycle/,
      ],
      [
        tarGz(folderEntries(join(BAD, 'bad_date'), 'bad_date')),
        'p.tar.gz',
        /date must be a real yyyy-MM-dd date/,
      ],
      [
        zip(folderEntries(join(BAD, 'bad_import'), 'bad_import')),
        'p.zip',
        /index\.ts cannot be loaded: corpus import failure/,
      ],
    ]
    const bomb = [...good, { path: 'audit_totals/zeros.bin', data: Buffer.alloc(21 * 2 ** 20) }]
    cases.push(
      [zip(bomb), 'p.zip', /unpacks to more than 20 MB/],
      [tarGz(bomb), 'p.tar.gz', /unpacks to more than 20 MB/]
    )
    const generation = runtime.pool.generation
    for (const [archive, name, expected] of cases) {
      const response = await upload(client, archive, name)
      response.assertStatus(422)
      assert.match(response.body().errors[0].message, expected)
      assert.deepEqual(folderState(), ['anti_audit'], name)
    }
    assert.equal(runtime.pool.generation, generation)
    assert.isFalse(existsSync(join(scratch.dir, '..', 'escape.txt')))
    assert.lengthOf(await db.from('core_audit_log').where('action', 'settlement.rules.install'), 0)
  }).timeout(90_000)

  test('an archive over the size limit is refused before it is read', async ({
    client,
    assert,
  }) => {
    const response = await upload(client, Buffer.alloc(6 * 2 ** 20, 1), 'big.zip')
    response.assertStatus(422)
    assert.match(response.body().errors[0].message, /at most 5 MB/)
    assert.deepEqual(folderState(), ['anti_audit'])
  })
})
