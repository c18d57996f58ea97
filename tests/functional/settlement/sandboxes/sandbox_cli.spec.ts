import { test } from '@japa/runner'
import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import db from '@adonisjs/lucid/services/db'
import { createUser } from '#tests/helpers/users'
import { clearSettlementTables, importSmallDay, SMALL_DATE } from '../support/fixtures.js'
import { productionRun } from './support.js'

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url))

function ace(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['ace', ...args], { cwd: ROOT, env: process.env })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk) => (stdout += chunk))
    child.stderr.on('data', (chunk) => (stderr += chunk))
    child.on('error', reject)
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }))
  })
}

function json(stdout: string) {
  const lines = stdout.trim().split('\n')
  if (lines.length !== 1) throw new Error(`expected one JSON line, got: ${stdout}`)
  return JSON.parse(lines[0])
}

async function clearSandboxes() {
  await db.from('settlement_sandbox_days').delete()
  await db.from('settlement_sandboxes').delete()
  await clearSettlementTables()
}

/* `node ace sandbox:*` in child processes: they read committed data, so this group commits and cleans up. */
test.group('Sandbox commands', (group) => {
  group.setup(async () => {
    await clearSandboxes()
    await importSmallDay()
  })
  group.teardown(() => clearSandboxes())

  test('create, run, compare and delete a 15-minute trial with --json', async ({ assert }) => {
    const production = await productionRun(SMALL_DATE)
    const { user } = await createUser({ role: 'operator' })
    const created = await ace(
      'sandbox:create',
      'cli-trial',
      '--days',
      SMALL_DATE,
      '--plugins',
      'p999_15min_periods',
      '--max-parallel-tasks',
      '1',
      '--owner',
      user.email,
      '--json'
    )
    assert.equal(created.code, 0, created.stderr)
    const sandbox = json(created.stdout)
    assert.include(sandbox, {
      name: 'cli-trial',
      ruleSetKey: 'baseline@1+p999_15min_periods@1',
      maxParallelTasks: 1,
      ownerUserId: user.id,
      owner: user.email,
      status: 'created',
    })
    assert.deepEqual(
      sandbox.days.map((d: { settlementDate: string }) => d.settlementDate),
      [SMALL_DATE]
    )

    const ran = await ace('sandbox:run', 'cli-trial', '--json')
    assert.equal(ran.code, 0, ran.stderr)
    assert.match(ran.stderr, new RegExp(`${SMALL_DATE} .*✓`))
    const outcome = json(ran.stdout)
    assert.equal(outcome.status, 'succeeded')
    assert.deepEqual(outcome.sandbox, {
      id: sandbox.id,
      name: 'cli-trial',
      ruleSetKey: sandbox.ruleSetKey,
    })
    assert.sameMembers(Object.keys(outcome.runs[0]), [
      'runId',
      'settlementDate',
      'runType',
      'status',
      'periods',
      'ruleSetKey',
      'outputHash',
      'totalMs',
      'error',
    ])
    assert.include(outcome.runs[0], { periods: 96, runType: 'SF', status: 'succeeded' })

    const compared = await ace('sandbox:compare', String(sandbox.id), '--json')
    assert.equal(compared.code, 0, compared.stderr)
    const comparison = json(compared.stdout)
    assert.equal(comparison.days[0].productionRun.id, production.runId)
    assert.equal(comparison.days[0].trialRun.id, outcome.runs[0].runId)
    assert.isAbove(comparison.days[0].parties.length, 0)
    assert.lengthOf(comparison.days[0].periods, 48)
    const table = await ace('sandbox:compare', 'cli-trial')
    assert.equal(table.code, 0, table.stderr)
    assert.include(table.stdout, 'Production')

    const deleted = await ace('sandbox:delete', 'cli-trial', '--json')
    assert.equal(deleted.code, 0, deleted.stderr)
    assert.deepEqual(json(deleted.stdout), {
      id: sandbox.id,
      name: 'cli-trial',
      runs: 1,
      days: 1,
      snapshots: 1,
    })
    assert.lengthOf(await db.from('settlement_runs').whereNotNull('sandbox_id'), 0)
    assert.lengthOf(await db.from('settlement_runs').where('id', production.runId), 1)
  })

  test('refusals name the field and exit 1', async ({ assert }) => {
    const badName = await ace('sandbox:create', 'Bad Name', '--days', SMALL_DATE, '--json')
    assert.equal(badName.code, 1)
    assert.equal(json(badName.stdout).error.field, 'name')
    const clash = await ace(
      'sandbox:create',
      'clash',
      '--days',
      SMALL_DATE,
      '--plugins',
      'p999_15min_periods,p998_5min_periods',
      '--json'
    )
    assert.equal(clash.code, 1)
    assert.deepInclude(json(clash.stdout).error, { field: 'pluginIds' })
    assert.match(json(clash.stdout).error.message, /conflicts with/)
    const noDay = await ace('sandbox:create', 'no-day', '--days', '2019-05-05')
    assert.equal(noDay.code, 1)
    assert.match(noDay.stderr, /days: No production inputs for 2019-05-05/)
    const owner = await ace('sandbox:create', 'owned', '--days', SMALL_DATE, '--owner', 'x@y.z')
    assert.equal(owner.code, 1)
    assert.match(owner.stderr, /owner: /)
    for (const command of ['sandbox:run', 'sandbox:compare', 'sandbox:delete']) {
      const missing = await ace(command, 'nobody', '--json')
      assert.equal(missing.code, 1, command)
      assert.deepEqual(json(missing.stdout).error, {
        field: 'sandbox',
        message: 'No sandbox "nobody"',
      })
    }
    assert.lengthOf(await db.from('settlement_sandboxes'), 0)
  })
})
