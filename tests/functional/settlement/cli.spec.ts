import { test } from '@japa/runner'
import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import db from '@adonisjs/lucid/services/db'
import { clearSettlementTables, importSmallDay, SMALL_DATE } from './support/fixtures.js'

const ROOT = fileURLToPath(new URL('../../../', import.meta.url))

/**
 * Runs `node ace …` in a child process against the test database. With
 * `closeStdout`, the reader goes away at once, as `| head` does.
 */
function ace(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return spawnAce(args, false)
}

function spawnAce(
  args: string[],
  closeStdout: boolean
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['ace', ...args], { cwd: ROOT, env: process.env })
    let stdout = ''
    let stderr = ''
    if (closeStdout) child.stdout.destroy()
    else child.stdout.on('data', (chunk) => (stdout += chunk))
    child.stderr.on('data', (chunk) => (stderr += chunk))
    child.on('error', reject)
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }))
  })
}

/* The child process reads committed data, so this group commits and cleans up after itself. */
test.group('Settlement commands', (group) => {
  group.setup(async () => {
    await clearSettlementTables()
    await importSmallDay()
  })
  group.teardown(() => clearSettlementTables())

  test('settlement:run --json prints exactly one result object', async ({ assert }) => {
    const { code, stdout, stderr } = await ace(
      'settlement:run',
      '--date',
      SMALL_DATE,
      '--type',
      'SF',
      '--json'
    )
    assert.equal(code, 0, stderr)
    const lines = stdout.trim().split('\n')
    assert.lengthOf(lines, 1)
    const result = JSON.parse(lines[0])
    assert.sameMembers(Object.keys(result), [
      'runId',
      'settlementDate',
      'runType',
      'periods',
      'ruleSetKey',
      'inputHash',
      'outputHash',
      'stages',
      'totals',
    ])
    assert.include(result, {
      settlementDate: SMALL_DATE,
      runType: 'SF',
      periods: 48,
      ruleSetKey: 'baseline@1',
    })
    assert.match(result.outputHash, /^[0-9a-f]{64}$/)
    assert.properties(result.stages[0], ['id', 'ms'])
    assert.properties(result.totals, ['parties', 'net', 'netImbalanceVolume'])
    assert.include(stderr, '✓ imbalance_price')

    const replay = await ace('settlement:replay', String(result.runId))
    assert.equal(replay.code, 0, replay.stderr)
    assert.include(replay.stdout, `output hash ${result.outputHash} matches`)

    const report = await ace(
      'settlement:report',
      '--run',
      String(result.runId),
      '--party',
      'BRACKEN',
      '--format',
      'json'
    )
    assert.equal(report.code, 0, report.stderr)
    assert.equal(JSON.parse(report.stdout).party.partyId, 'BRACKEN')

    await db
      .from('settlement_metered_volumes')
      .where('bm_unit_id', 'T_BRKN-1')
      .update({ volume: 250 })
    const rerun = await ace('settlement:run', '--date', SMALL_DATE, '--type', 'R1', '--json')
    const second = JSON.parse(rerun.stdout)
    const diff = await ace('settlement:diff', String(result.runId), String(second.runId), '--json')
    assert.equal(diff.code, 0, diff.stderr)
    const moved = JSON.parse(diff.stdout)
    assert.isFalse(moved.identical)
    assert.isTrue(moved.byBmUnit.some((m: { id: string; column: string }) => m.id === 'T_BRKN-1'))
  })

  test('clear errors for an unknown run type, a malformed date and a date without inputs', async ({
    assert,
  }) => {
    const unknownType = await ace('settlement:run', '--date', SMALL_DATE, '--type', 'XX')
    assert.equal(unknownType.code, 1)
    assert.include(
      unknownType.stderr,
      'runType must be one of II, SF, R1, R2, R3, RF, DF, got "XX"'
    )
    const malformed = await ace('settlement:run', '--date', '15-01-2026', '--type', 'SF')
    assert.equal(malformed.code, 1)
    assert.include(
      malformed.stderr,
      'settlementDate must be a date in the form yyyy-MM-dd, got "15-01-2026"'
    )
    const empty = await ace('settlement:run', '--date', '2026-02-01', '--type', 'SF', '--json')
    assert.equal(empty.code, 1)
    assert.include(empty.stderr, 'No settlement inputs for 2026-02-01')
    assert.equal(empty.stdout, '')
  })

  test('--json totals are published values: money to 2 dp, volumes to 3 dp', async ({ assert }) => {
    const { code, stdout, stderr } = await ace(
      'settlement:run',
      '--date',
      SMALL_DATE,
      '--type',
      'R2',
      '--json'
    )
    assert.equal(code, 0, stderr)
    const { totals } = JSON.parse(stdout)
    const decimals = (value: number) => String(value).split('.')[1]?.length ?? 0
    for (const [name, value] of Object.entries(totals) as [string, number][]) {
      const allowed = /volume/i.test(name) ? 3 : 2
      assert.isAtMost(decimals(value), allowed, `${name} = ${value}`)
    }
  })

  test('a reader that stops early (| head) ends the report quietly, without EPIPE', async ({
    assert,
  }) => {
    const run = await db.from('settlement_runs').where('status', 'succeeded').first()
    for (const format of ['csv', 'json']) {
      const { code, stderr } = await spawnAce(
        ['settlement:report', '--run', String(run.id), '--party', 'BRACKEN', '--format', format],
        true
      )
      assert.equal(code, 0, stderr)
      assert.notInclude(stderr, 'EPIPE')
    }
  })
})
