import { test } from '@japa/runner'
import { spawn } from 'node:child_process'
import { hostname } from 'node:os'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { createRun } from '#settlement/actions/create_run'
import { executeRun } from '#settlement/actions/execute_run'
import { failAbandonedRuns, PROCESS_ID } from '#settlement/runs/run_liveness'
import { onRunEvent, type RunEvent } from '#settlement/runs/run_events'
import { countRows, delayedRuntime, importSmallDay, SMALL_DATE } from './support/fixtures.js'

/** A pid that just ended: its process is certainly gone. */
function deadPid(): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['-e', ''])
    child.on('exit', () => resolve(child.pid!))
  })
}

const ago = (ms: number) => new Date(Date.now() - ms).toISOString()

/** A run row left `running` by some process, as a crash would leave it. */
async function leftRunning(
  runNumber: number,
  processId: string | null,
  heartbeatAt: string | null,
  settlementDate = SMALL_DATE
) {
  const [row] = await db
    .insertQuery()
    .table('settlement_runs')
    .insert({
      settlement_date: settlementDate,
      run_type: 'SF',
      run_number: runNumber,
      status: 'running',
      rule_set_key: 'baseline@1',
      requested_by: 'test',
      queued_at: ago(20 * 60_000),
      started_at: ago(20 * 60_000),
      process_id: processId,
      heartbeat_at: heartbeatAt,
    })
    .returning('id')
  return Number(typeof row === 'object' ? row.id : row)
}

async function statusOf(id: number): Promise<string> {
  const row = await db.from('settlement_runs').where('id', id).select('status').first()
  return row.status
}

async function errorOf(id: number): Promise<string> {
  const row = await db.from('settlement_runs').where('id', id).select('error').first()
  return row.error
}

test.group('Settlement run reliability', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('runs left running by a dead process are failed with a clear error; live ones are left alone', async ({
    assert,
  }) => {
    const deadHere = await leftRunning(1, `${hostname()}:${await deadPid()}`, ago(1000))
    const restarted = await leftRunning(2, PROCESS_ID, ago(1000))
    const elsewhereAlive = await leftRunning(3, 'worker-7:1234', ago(5000))
    const elsewhereSilent = await leftRunning(4, 'worker-7:1234', ago(10 * 60_000))
    const unknownProcess = await leftRunning(5, null, null)
    const failed = await failAbandonedRuns()
    assert.sameMembers(failed, [deadHere, restarted, elsewhereSilent, unknownProcess])
    assert.match(
      await errorOf(deadHere),
      /^Abandoned: the run was left "running" because its process .* is no longer running; no results were written/
    )
    assert.match(await errorOf(restarted), /restarted/)
    assert.match(await errorOf(elsewhereSilent), /no sign of life from worker-7:1234 since/)
    assert.equal(await statusOf(elsewhereAlive), 'running')
    assert.deepEqual(await failAbandonedRuns(), [], 'nothing left to fail')
  })

  test('a new run of the same date fails the abandoned one first', async ({ assert }) => {
    await importSmallDay()
    const abandoned = await leftRunning(1, `${hostname()}:${await deadPid()}`, ago(1000))
    const otherDate = await leftRunning(
      1,
      `${hostname()}:${await deadPid()}`,
      ago(1000),
      '2026-01-16'
    )
    const runId = await createRun({ settlementDate: SMALL_DATE, runType: 'SF', requestedBy: 't' })
    const result = await executeRun(runId)
    assert.equal(result.status, 'succeeded')
    assert.equal(await statusOf(abandoned), 'failed')
    assert.equal(await statusOf(otherDate), 'running', 'other dates wait for their turn')
  })

  test('a stage that outlasts the time limit fails the run cleanly and its worker is stopped', async ({
    assert,
  }) => {
    await importSmallDay()
    const runtime = delayedRuntime()
    const runId = await createRun(
      {
        settlementDate: SMALL_DATE,
        runType: 'SF',
        ruleSetKey: 'baseline@7+stalling@1',
        requestedBy: 't',
      },
      runtime
    )
    const events: RunEvent[] = []
    const unsubscribe = onRunEvent(runId, (event) => events.push(event))
    const started = Date.now()
    const result = await executeRun(runId, { runtime, timeoutMs: 1000 })
    assert.isBelow(Date.now() - started, 2900, 'stopped at the limit, not when the stage ended')
    assert.equal(result.status, 'failed')
    assert.equal(
      result.error!.message,
      'Run stopped: loading and computing exceeded the time limit of 1 s while stage "unit_charges" was running'
    )
    assert.equal(result.error!.stageId, 'unit_charges')
    const row = await db.from('settlement_runs').where('id', runId).first()
    assert.include(row, { status: 'failed', failed_stage: 'unit_charges', output_hash: null })
    assert.equal(await countRows('settlement_run_frames', runId), 0)
    const published = events.length
    assert.include(events.at(-1), { type: 'status', status: 'failed' })

    // Nothing is published or written after the failure, and the stalled worker is stopped: the
    // next run gets the whole pool long before the 30 s wait of the stalled stage would end.
    await new Promise((resolve) => setTimeout(resolve, 300))
    unsubscribe()
    assert.lengthOf(events, published)
    const after = await db.from('settlement_runs').where('id', runId).first()
    assert.equal(after.status, 'failed')
    assert.equal(after.error, row.error)
    const next = await executeRun(
      await createRun(
        { settlementDate: SMALL_DATE, runType: 'SF', ruleSetKey: 'baseline@7', requestedBy: 't' },
        runtime
      ),
      { runtime }
    )
    assert.equal(next.status, 'succeeded', 'the pool is free again')
    assert.isBelow(Date.now() - started, 20_000, 'the stalled worker did not hold the pool')
  }).timeout(60_000)
})
