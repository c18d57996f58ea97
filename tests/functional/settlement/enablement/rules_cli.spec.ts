import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { ace, BAD, GOOD, scratchPlugins } from './support/rules_fixtures.js'

/**
 * The rules:* commands in child processes. They commit to the test database,
 * so this group uses plugin ids only the corpus has and dates in the 2090s,
 * which no other test settles.
 */
const corpus = { RULES_MODIFICATIONS_DIR: GOOD }

test.group('rules commands', () => {
  test('rules:list --json prints one line: id, version, title, overrides, adds, mode, enabledFrom', async ({
    assert,
  }) => {
    const { code, stdout, stderr } = await ace(['rules:list', '--json'], corpus)
    assert.equal(code, 0, stderr)
    const lines = stdout.trim().split('\n')
    assert.lengthOf(lines, 1)
    const plugins = JSON.parse(lines[0])
    const audit = plugins.find((p: { id: string }) => p.id === 'audit_totals')
    assert.sameMembers(Object.keys(audit), [
      'id',
      'version',
      'title',
      'overrides',
      'adds',
      'mode',
      'enabledFrom',
    ])
    assert.deepInclude(audit, { version: 1, mode: 'production', overrides: [] })
    assert.deepInclude(
      plugins.find((p: { id: string }) => p.id === 'info_price_b'),
      {
        overrides: ['information_imbalance'],
      }
    )
  }).timeout(60_000)

  test('rules:check passes the installed plugins and the good corpus, and names every rejection', async ({
    assert,
  }) => {
    const installed = await ace(['rules:check'], { RULES_MODIFICATIONS_DIR: undefined })
    assert.equal(installed.code, 0, installed.stdout + installed.stderr)
    const good = await ace(['rules:check'], corpus)
    assert.equal(good.code, 0, good.stdout + good.stderr)
    assert.include(good.stdout, 'audit_totals@1: valid (1 stage(s))')

    const bad = await ace(['rules:check'], { RULES_MODIFICATIONS_DIR: BAD })
    assert.equal(bad.code, 1)
    const output = bad.stdout + bad.stderr
    assert.include(output, 'bad_cycle@1 rejected')
    assert.include(output, 'stages depend on each other in a cycle')
    assert.include(output, 'bad_date@1 rejected')
    const one = await ace(['rules:check', 'bad_dangling_read'], { RULES_MODIFICATIONS_DIR: BAD })
    assert.equal(one.code, 1)
    assert.include(one.stdout + one.stderr, 'reads "nobody_writes_this", which no stage writes')
    assert.notInclude(one.stdout + one.stderr, 'bad_cycle')
  }).timeout(120_000)

  test('rules:enable and rules:disable record audited changes; a conflict is refused by name', async ({
    assert,
  }) => {
    const enable = await ace(
      ['rules:enable', 'audit_totals', '--from', '2091-04-01', '--reason', 'CLI trial'],
      corpus
    )
    assert.equal(enable.code, 0, enable.stderr)
    assert.include(enable.stdout, 'audit_totals@1 enabled from 2091-04-01')

    const conflict = await ace(
      ['rules:enable', 'anti_audit', '--from', '2091-01-01', '--reason', 'should clash'],
      corpus
    )
    assert.equal(conflict.code, 1)
    assert.include(conflict.stderr, 'anti_audit conflicts with audit_totals')

    const malformed = await ace(
      ['rules:enable', 'needs_audit', '--from', '2091-02-30', '--reason', 'bad date'],
      corpus
    )
    assert.equal(malformed.code, 1)
    assert.match(malformed.stderr, /2091-02-30/)

    const disable = await ace(
      ['rules:disable', 'audit_totals', '--from', '2091-10-01', '--reason', 'CLI trial over'],
      corpus
    )
    assert.equal(disable.code, 0, disable.stderr)
    const rows = await db
      .from('settlement_rule_enablements')
      .where('plugin_id', 'audit_totals')
      .where('effective_from', '>=', '2091-01-01')
      .orderBy('id')
    assert.deepEqual(
      rows.map((row) => [row.action, row.effective_from, row.actor_user_id]),
      [
        ['enable', '2091-04-01', null],
        ['disable', '2091-10-01', null],
      ]
    )
    assert.match(rows[0].actor_label, /^cli:/)
    const audits = await db
      .from('core_audit_log')
      .where('subject_id', 'audit_totals')
      .whereIn('action', ['settlement.rules.enable', 'settlement.rules.disable'])
    assert.isAtLeast(audits.length, 2)
    const listed = await ace(['rules:list', '--json'], corpus)
    const audit = JSON.parse(listed.stdout).find((p: { id: string }) => p.id === 'audit_totals')
    assert.isNull(audit.enabledFrom)
  }).timeout(120_000)

  test('rules:test runs the tests and fixtures and fails when a fixture disagrees', async ({
    assert,
  }) => {
    const passed = await ace(['rules:test', 'audit_totals'], corpus)
    assert.equal(passed.code, 0, passed.stdout + passed.stderr)
    assert.include(passed.stdout + passed.stderr, 'audit_totals: 3 passed, 0 failed')
    const unknown = await ace(['rules:test', 'nope'], corpus)
    assert.equal(unknown.code, 1)

    const scratch = scratchPlugins('audit_totals')
    try {
      const file = join(scratch.dir, 'audit_totals/fixtures/expected_modified.json')
      const expected = JSON.parse(readFileSync(file, 'utf8'))
      expected.outputs['totals_audit.flagged'].A = 1
      writeFileSync(file, JSON.stringify(expected))
      const failed = await ace(['rules:test', 'audit_totals'], {
        RULES_MODIFICATIONS_DIR: scratch.dir,
      })
      assert.equal(failed.code, 1)
      assert.include(
        failed.stdout + failed.stderr,
        'expected_modified.json: totals_audit.flagged[A]: expected 1, got 0'
      )
    } finally {
      scratch.remove()
    }
  }).timeout(90_000)
})
