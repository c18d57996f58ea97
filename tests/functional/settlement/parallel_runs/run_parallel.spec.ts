import { join } from 'node:path'
import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { createRun } from '#settlement/actions/create_run'
import { executeRun } from '#settlement/actions/execute_run'
import { changeEnablement } from '#settlement/enablement/change_enablement'
import { ParallelRunRefused } from '#settlement/parallel/parallel_plan'
import { runParallel } from '#settlement/parallel/run_parallel'
import { failAbandonedParallelRuns } from '#settlement/parallel/abandoned_parallel_runs'
import { seedDemo } from '#database/demo/demo_seed'
import { countRows, importGeneratedDay, importSmallDay, SMALL_DATE } from '../support/fixtures.js'
import { GOOD, ROOT, runtimeOn } from '../enablement/support/rules_fixtures.js'

/**
 * The parallel-run action (issue 4 §5) on the small market: control and
 * candidate on one input snapshot, the report stored whole, a throwing
 * plugin stored as a failure naming it, refusals before anything is stored.
 */
const corpus = runtimeOn(GOOD)
const real = runtimeOn(join(ROOT, 'rules/modifications'))
const actor = { id: null, label: 'test' }
const NEXT_DAY = '2026-01-16'
const request = (pluginId: string, from = SMALL_DATE, to = from) => ({
  pluginId,
  from,
  to,
  requestedBy: 'test',
})

async function refusal(attempt: () => Promise<unknown>) {
  try {
    await attempt()
  } catch (error) {
    if (error instanceof ParallelRunRefused) return error
    throw error
  }
  throw new Error('the parallel run was not refused')
}

test.group('Parallel runs', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a plugin that only adds an ignored output changes nothing, on the snapshot a run would use', async ({
    assert,
  }) => {
    await importSmallDay()
    const run = await runParallel(request('audit_totals'), { runtime: corpus })
    assert.equal(run.status, 'succeeded', JSON.stringify(run.error))
    assert.equal(run.control, 'baseline@1')
    assert.equal(run.candidate, 'baseline@1+audit_totals@1')
    assert.equal(run.changedValues, 0)
    assert.isAbove(run.comparedValues!, 0)
    assert.deepEqual(run.report!.ignored, [
      { output: 'totals_audit', reason: 'The audit frame exists only in the modified rule set.' },
    ])
    assert.deepEqual(run.report!.summary.byParty, [])
    // Nothing of the two computations is persisted as a run.
    assert.equal(await countRows('settlement_runs'), 0)
    assert.equal(await countRows('settlement_run_frames'), 0)
    // The same snapshot a production run of the day freezes.
    const runId = await createRun(
      { settlementDate: SMALL_DATE, runType: 'SF', requestedBy: 'test' },
      corpus
    )
    const settled = await executeRun(runId, { runtime: corpus })
    assert.equal(run.inputHashes[SMALL_DATE], settled.inputHash)
    assert.equal(run.report!.days[0].candidateInputHash, settled.inputHash)
  })

  test('a parameter-only plugin moves prices and charges, with its movers listed', async ({
    assert,
  }) => {
    // A demo day has stacks deep enough for PAR 50 MWh to move the price.
    await seedDemo({ seed: 1, dates: [SMALL_DATE], bmUnits: 60 })
    const run = await runParallel(request('par_review_2026'), { runtime: real })
    assert.equal(run.status, 'succeeded', JSON.stringify(run.error))
    assert.equal(run.candidate, 'baseline@1+par_review_2026@1')
    const day = run.report!.days[0].comparison
    assert.isAbove(run.changedValues!, 0)
    assert.isAbove(run.maxAbsDiff!, 0)
    assert.include(
      day.outputs.map((o) => o.output),
      'system_prices.systemSellPrice'
    )
    assert.isNotEmpty(run.report!.summary.topMovers)
    assert.isNotEmpty(run.report!.summary.byParty)
    const nets = run.report!.summary.byParty.map((party) => party.fields['party_totals.net'])
    assert.isTrue(nets.some((net) => net && Math.abs(net.delta) > 0.005))
    assert.notDeepEqual(day.systemSellPrice!.control, day.systemSellPrice!.candidate)
    assert.deepEqual(run.report!.ignored, [])
  })

  test('a sandbox-only plugin is a candidate on inputs resampled to its period length', async ({
    assert,
  }) => {
    await importSmallDay()
    const run = await runParallel(request('p999_15min_periods'), { runtime: real })
    assert.equal(run.status, 'succeeded', JSON.stringify(run.error))
    const [day] = run.report!.days
    assert.equal(day.comparison.periods.candidate, day.comparison.periods.control * 2)
    assert.notEqual(day.candidateInputHash, day.inputHash)
    // Per-period outputs, factors and flags are declared ignorable, each with its reason.
    const ignored = run.report!.ignored.map((rule) => rule.output)
    assert.includeMembers(ignored, ['system_prices', 'stack', 'transmission_losses.tlm'])
    assert.isTrue(run.report!.ignored.every((rule) => rule.reason.length > 20))
    assert.isTrue(day.comparison.outputs.every((o) => o.compared === 'daily totals'))
    assert.equal(await countRows('settlement_runs'), 0)
  })

  test('a range compares each date on its own snapshot and sums the parties over the dates', async ({
    assert,
  }) => {
    await importSmallDay()
    await importGeneratedDay(NEXT_DAY)
    const run = await runParallel(request('par_review_2026', SMALL_DATE, NEXT_DAY), {
      runtime: real,
    })
    assert.equal(run.status, 'succeeded', JSON.stringify(run.error))
    assert.deepEqual(Object.keys(run.inputHashes), [SMALL_DATE, NEXT_DAY])
    assert.notEqual(run.inputHashes[SMALL_DATE], run.inputHashes[NEXT_DAY])
    const days = run.report!.days
    assert.deepEqual(
      days.map((day) => day.date),
      [SMALL_DATE, NEXT_DAY]
    )
    assert.equal(
      run.changedValues,
      days[0].comparison.changedValues + days[1].comparison.changedValues
    )
    assert.equal(run.to, NEXT_DAY)
  })

  test('a plugin stage that throws gives a failed report naming it, and nothing else', async ({
    assert,
  }) => {
    await importSmallDay()
    const run = await runParallel(request('throwing_stage'), { runtime: corpus })
    assert.equal(run.status, 'failed')
    assert.deepInclude(run.error!, { stageId: 'always_throws', origin: 'throwing_stage' })
    assert.include(run.error!.message, 'candidate (baseline@1+throwing_stage@1)')
    assert.include(run.error!.message, 'corpus stage failure')
    assert.isNull(run.report)
    assert.isNull(run.changedValues)
    const row = await db.from('settlement_parallel_runs').where('id', run.id).firstOrFail()
    assert.include(row, { status: 'failed', report: null, input_hashes: null })
    assert.equal(await countRows('settlement_runs'), 0)
  })

  test('refusals name the field and store nothing', async ({ assert }) => {
    await importSmallDay()
    const cases: [ReturnType<typeof request>, string, RegExp][] = [
      [request('no_such_plugin'), 'plugin', /no_such_plugin/],
      [request('needs_audit'), 'plugin', /audit_totals/],
      [request('audit_totals', '2026-13-01'), 'from', /yyyy/],
      [request('audit_totals', SMALL_DATE, '2026-01-14'), 'to', /before/],
      [
        request('audit_totals', '2026-01-14', SMALL_DATE),
        'from',
        /No settlement inputs for 2026-01-14/,
      ],
    ]
    for (const [wanted, field, message] of cases) {
      const error = await refusal(() => runParallel(wanted, { runtime: corpus }))
      assert.equal(error.field, field, error.message)
      assert.match(error.message, message)
    }
    assert.equal(await countRows('settlement_parallel_runs'), 0)
  })

  test('a plugin in force, or in conflict with the rules in force, is refused', async ({
    assert,
  }) => {
    await importSmallDay()
    await changeEnablement(
      { pluginId: 'audit_totals', action: 'enable', from: SMALL_DATE, reason: 'in force', actor },
      corpus
    )
    const inForce = await refusal(() => runParallel(request('audit_totals'), { runtime: corpus }))
    assert.equal(inForce.field, 'plugin')
    assert.match(inForce.message, /already in force/)
    const conflict = await refusal(() => runParallel(request('anti_audit'), { runtime: corpus }))
    assert.equal(conflict.field, 'plugin')
    assert.match(conflict.message, /conflict/)
    // With its requirement in force, needs_audit is a valid candidate.
    const run = await runParallel(request('needs_audit'), { runtime: corpus })
    assert.equal(run.control, 'baseline@1+audit_totals@1')
    assert.equal(run.candidate, 'baseline@1+audit_totals@1+needs_audit@2')
    assert.equal(run.status, 'succeeded', JSON.stringify(run.error))
  })

  test('a run left running by a stopped process is failed once its dates have had their time', async ({
    assert,
  }) => {
    const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000).toISOString()
    const left = (from: string, to: string, startedAt: string) =>
      db
        .insertQuery()
        .table('settlement_parallel_runs')
        .insert({
          plugin_id: 'par_review_2026',
          plugin_version: 1,
          date_from: from,
          date_to: to,
          control_key: 'baseline@1',
          candidate_key: 'baseline@1+par_review_2026@1',
          status: 'running',
          requested_by: 'test',
          started_at: startedAt,
        })
        .returning('id')
        .then(([row]) => Number(typeof row === 'object' ? row.id : row))
    const stale = await left(SMALL_DATE, SMALL_DATE, hoursAgo(2))
    const longRange = await left('2026-01-01', '2026-01-10', hoursAgo(2))
    const recent = await left(SMALL_DATE, SMALL_DATE, hoursAgo(0.1))

    assert.deepEqual(await failAbandonedParallelRuns(), [stale])
    const rows = await db
      .from('settlement_parallel_runs')
      .whereIn('id', [stale, longRange, recent])
      .orderBy('id')
    assert.deepEqual(
      rows.map((row) => row.status),
      ['failed', 'running', 'running']
    )
    assert.match(rows[0].error, /^Abandoned/)
  })
})
