import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import emitter from '@adonisjs/core/services/emitter'
import db from '@adonisjs/lucid/services/db'
import { createRun, RunRequestError } from '#settlement/actions/create_run'
import { executeRun } from '#settlement/actions/execute_run'
import { replayRun } from '#settlement/actions/replay_run'
import { latestRunFor } from '#settlement/queries/runs'
import { systemPrices } from '#settlement/queries/results'
import { defaultRuntime, type SettlementRuntime } from '#settlement/runs/runtime'
import {
  countRows,
  fixtureRuntime,
  importGeneratedDay,
  importReferenceData,
  importSmallDay,
  SMALL_DATE,
} from './support/fixtures.js'

async function run(
  runtime: SettlementRuntime,
  ruleSetKey = 'baseline@7',
  date = SMALL_DATE,
  runType = 'SF'
) {
  const runId = await createRun(
    { settlementDate: date, runType, ruleSetKey, requestedBy: 'test' },
    runtime
  )
  return executeRun(runId, { runtime })
}

const count = (table: string, runId: number) => countRows(table, runId)

test.group('Settlement runs on the pool', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the same inputs give the same output hash, however the day is split', async ({
    assert,
  }) => {
    await importSmallDay()
    const runtime = fixtureRuntime()
    const first = await run(runtime)
    assert.equal(first.status, 'succeeded')
    const runId = await createRun(
      { settlementDate: SMALL_DATE, runType: 'SF', ruleSetKey: 'baseline@7', requestedBy: 't' },
      runtime
    )
    const second = await executeRun(runId, { runtime, ranges: 5 })
    assert.equal(second.runNumber, 2)
    assert.equal(second.inputHash, first.inputHash)
    assert.equal(second.outputHash, first.outputHash)
    assert.deepEqual(
      second.stages.map((s) => s.id),
      ['unit_volumes', 'system_prices', 'unit_charges', 'party_totals']
    )
    const stored = await db.from('settlement_runs').where('id', runId).firstOrFail()
    const manifest = JSON.parse(stored.manifest)
    assert.lengthOf(manifest.ranges, 5)
    assert.deepEqual(manifest.parameters.fixture_price_adder, {
      value: 1.5,
      effectiveFrom: '2000-01-01',
      unit: '£/MWh',
      reference: 'test fixture',
      file: 'fixture_price_adder.yaml',
    })
    assert.match(stored.code_version, /^\d+\.\d+\.\d+\+rules\.[0-9a-f]{16}$/)
    assert.equal(await count('settlement_system_prices', runId), 48)
    assert.equal(await count('settlement_party_charges', runId), 5)
    assert.equal(await count('settlement_run_stages', runId), 4)
    assert.equal(await countRows('settlement_input_snapshots'), 1)
  })

  test('the baseline rules settle the small day and announce the run', async ({ assert }) => {
    await importSmallDay()
    const events = emitter.fake(['settlement:run_completed'])
    const result = await run(defaultRuntime(), 'baseline@1')
    assert.equal(result.status, 'succeeded', JSON.stringify(result.error))
    events.assertEmitted(
      'settlement:run_completed',
      ({ data }) => data.runId === result.runId && data.sandboxId === null
    )
    emitter.restore()
    const prices = await systemPrices(result.runId)
    assert.lengthOf(prices, 48)
    assert.include(prices[0], { settlementPeriod: 1, startTime: '2026-01-15T00:00:00Z' })
    assert.isAbove(await count('settlement_stack_items', result.runId), 0)
    assert.properties(result.totals!, ['parties', 'bmUnits', 'net', 'netImbalanceVolume'])
  })

  test('a stage that throws fails the run, names stage and origin, and leaves earlier results intact', async ({
    assert,
  }) => {
    await importSmallDay()
    const runtime = fixtureRuntime()
    const good = await run(runtime)
    const before = await count('settlement_run_frames', good.runId)
    const failed = await run(runtime, 'baseline@7+failing@1')
    assert.equal(failed.status, 'failed')
    assert.include(failed.error!, { stageId: 'unit_charges', origin: 'failing' })
    assert.include(failed.error!.message, 'fixture failure in period 20')
    const row = await db.from('settlement_runs').where('id', failed.runId).firstOrFail()
    assert.include(row, {
      status: 'failed',
      failed_stage: 'unit_charges',
      failed_origin: 'failing',
      output_hash: null,
    })
    assert.include(row.error, 'Stage "unit_charges" (failing) failed')
    assert.equal(await count('settlement_run_frames', failed.runId), 0)
    assert.equal(await count('settlement_system_prices', failed.runId), 0)
    const stages = await db
      .from('settlement_run_stages')
      .where('run_id', failed.runId)
      .orderBy('position')
    assert.deepEqual(
      stages.map((s) => s.status),
      ['succeeded', 'succeeded', 'failed', 'not_run']
    )
    assert.equal(await count('settlement_run_frames', good.runId), before)
    assert.equal((await latestRunFor(SMALL_DATE))!.id, good.runId)
  })

  test('a worker thread that dies mid-run fails the run cleanly; a re-run gives the same hash', async ({
    assert,
  }) => {
    await importSmallDay()
    const runtime = fixtureRuntime()
    const good = await run(runtime)
    const crashed = await run(runtime, 'baseline@7+crashing@1')
    assert.equal(crashed.status, 'failed')
    assert.include(crashed.error!, { stageId: 'unit_charges', origin: 'crashing' })
    assert.match(
      crashed.error!.message,
      /worker stopped while running stage "unit_charges" \(crashing\).*exited with code: 9/
    )
    const again = await run(runtime)
    assert.equal(again.status, 'succeeded')
    assert.equal(again.outputHash, good.outputHash)
    assert.equal(again.runNumber, 3)
  })

  test('46- and 50-period days settle every period', async ({ assert }) => {
    await importReferenceData()
    const runtime = fixtureRuntime()
    for (const [date, periods] of [
      ['2026-03-29', 46],
      ['2026-10-25', 50],
    ] as const) {
      assert.equal(await importGeneratedDay(date), periods)
      const result = await run(runtime, 'baseline@7', date)
      assert.equal(result.status, 'succeeded', JSON.stringify(result.error))
      assert.equal(result.periods, periods)
      const prices = await systemPrices(result.runId)
      assert.lengthOf(prices, periods)
      assert.equal(
        prices.at(-1)!.startTime,
        date === '2026-03-29' ? '2026-03-29T22:30:00Z' : '2026-10-25T23:30:00Z'
      )
      // The parameter in force changed on 2026-03-01.
      const stored = await db.from('settlement_runs').where('id', result.runId).firstOrFail()
      assert.equal(JSON.parse(stored.parameters).fixture_price_adder.value, 2.5)
    }
  })

  test('a replay from the stored snapshot reproduces the output hash', async ({ assert }) => {
    await importSmallDay()
    const runtime = fixtureRuntime()
    const result = await run(runtime)
    await db.from('settlement_metered_volumes').delete()
    const replay = await replayRun(result.runId, runtime)
    assert.isTrue(replay.matches)
    assert.equal(replay.actualHash, result.outputHash)
  })

  test('requests are checked before a run is queued', async ({ assert }) => {
    await importSmallDay()
    const runtime = fixtureRuntime()
    const attempt = (overrides: Record<string, string>) =>
      createRun(
        {
          settlementDate: SMALL_DATE,
          runType: 'SF',
          ruleSetKey: 'baseline@7',
          requestedBy: 't',
          ...overrides,
        },
        runtime
      ).then(
        () => assert.fail('accepted'),
        (error) => {
          assert.instanceOf(error, RunRequestError)
          return [error.field, error.message]
        }
      )
    assert.deepEqual(await attempt({ runType: 'XX' }), [
      'runType',
      'runType must be one of II, SF, R1, R2, R3, RF, DF, got "XX"',
    ])
    const [field] = await attempt({ settlementDate: '2026-01-32' })
    assert.equal(field, 'settlementDate')
    assert.deepEqual(await attempt({ settlementDate: '2026-02-01' }), [
      'settlementDate',
      'No settlement inputs for 2026-02-01: import them first',
    ])
    const [, message] = await attempt({ ruleSetKey: 'baseline@7+nope@1' })
    assert.equal(
      message,
      'Rule set baseline@7+nope@1 rejected: no Modification "nope" is installed'
    )
    assert.equal(await countRows('settlement_runs'), 0)
  })

  test('a rule set that does not compile fails the run with the reason', async ({ assert }) => {
    await importSmallDay()
    const result = await run(fixtureRuntime(), 'baseline@6')
    assert.equal(result.status, 'failed')
    assert.include(result.error!.message, 'the installed baseline is version 7, not 6')
  })
})
