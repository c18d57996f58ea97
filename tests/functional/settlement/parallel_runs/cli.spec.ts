import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { clearSettlementTables, importSmallDay, SMALL_DATE } from '../support/fixtures.js'
import { ace, GOOD } from '../enablement/support/rules_fixtures.js'

/**
 * `node ace rules:parallel-run` in a child process on the plugin corpus. The
 * child reads committed data, so this group commits the small day and
 * removes it, and its reports, afterwards.
 */
const corpus = { RULES_MODIFICATIONS_DIR: GOOD }
let firstId = 0

test.group('rules:parallel-run', (group) => {
  group.setup(async () => {
    await clearSettlementTables()
    await importSmallDay()
    const last = await db.from('settlement_parallel_runs').max('id as id').first()
    firstId = Number(last?.id ?? 0) + 1
  })
  group.teardown(async () => {
    await db.from('settlement_parallel_runs').where('id', '>=', firstId).delete()
    await clearSettlementTables()
  })

  test('--json prints exactly one object with the comparison', async ({ assert }) => {
    const { code, stdout, stderr } = await ace(
      ['rules:parallel-run', 'audit_totals', '--from', SMALL_DATE, '--to', SMALL_DATE, '--json'],
      corpus
    )
    assert.equal(code, 0, stderr)
    const lines = stdout.trim().split('\n')
    assert.lengthOf(lines, 1)
    const result = JSON.parse(lines[0])
    assert.includeMembers(Object.keys(result), [
      'id',
      'control',
      'candidate',
      'inputHash',
      'inputHashes',
      'changedValues',
      'byParty',
      'maxAbsDiff',
      'ignored',
    ])
    assert.include(result, {
      status: 'succeeded',
      control: 'baseline@1',
      candidate: 'baseline@1+audit_totals@1',
      changedValues: 0,
    })
    assert.match(result.inputHash, /^[0-9a-f]{64}$/)
    assert.deepEqual(result.inputHashes, { [SMALL_DATE]: result.inputHash })
    assert.deepEqual(result.byParty, [])
    const row = await db.from('settlement_parallel_runs').where('id', result.id).firstOrFail()
    assert.equal(row.status, 'succeeded')
  }).timeout(60_000)

  test('without --json it reports progress and where the report is', async ({ assert }) => {
    const { code, stdout, stderr } = await ace(
      ['rules:parallel-run', 'audit_totals', '--from', SMALL_DATE, '--to', SMALL_DATE],
      corpus
    )
    assert.equal(code, 0, stderr)
    assert.include(stdout, 'baseline@1 against baseline@1+audit_totals@1')
    assert.include(stdout, 'control and candidate computed')
    assert.include(stdout, 'Not compared: totals_audit')
    assert.match(stdout, /report at \/settlement\/parallel-runs\/\d+/)
  }).timeout(60_000)

  test('errors name the field and exit non-zero', async ({ assert }) => {
    const cases: [string[], string][] = [
      [['no_such_plugin', '--from', SMALL_DATE, '--to', SMALL_DATE], 'plugin: No Modification'],
      [['audit_totals', '--from', '2026-02-30', '--to', SMALL_DATE], 'from: from must be a date'],
      [['audit_totals', '--from', SMALL_DATE, '--to', '2026-01-14'], 'to: to (2026-01-14)'],
      [
        ['audit_totals', '--from', '2026-03-01', '--to', '2026-03-01'],
        'from: No settlement inputs for 2026-03-01',
      ],
    ]
    for (const [args, message] of cases) {
      const { code, stdout, stderr } = await ace(['rules:parallel-run', ...args, '--json'], corpus)
      assert.equal(code, 1, `${args.join(' ')}: ${stdout}`)
      assert.include(stdout + stderr, message)
      assert.equal(stdout.trim(), '', 'no JSON for a refused request')
    }
  }).timeout(120_000)

  test('a throwing plugin stage: exit 1, a failed report naming it', async ({ assert }) => {
    const { code, stdout, stderr } = await ace(
      ['rules:parallel-run', 'throwing_stage', '--from', SMALL_DATE, '--to', SMALL_DATE, '--json'],
      corpus
    )
    assert.equal(code, 1)
    const result = JSON.parse(stdout.trim())
    assert.equal(result.status, 'failed')
    assert.deepInclude(result.error, { stageId: 'always_throws', origin: 'throwing_stage' })
    assert.include(stderr + stdout, 'always_throws')
  }).timeout(60_000)
})
