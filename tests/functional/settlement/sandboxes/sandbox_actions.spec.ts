import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { periodsInDay } from '#core/calendar/index'
import { compareSandbox } from '#settlement/sandboxes/compare_sandbox'
import { deleteSandbox } from '#settlement/sandboxes/delete_sandbox'
import { runSandbox } from '#settlement/sandboxes/run_sandbox'
import { SandboxError } from '#settlement/sandboxes/sandbox_queries'
import { importGeneratedDay, importSmallDay, SMALL_DATE } from '../support/fixtures.js'
import { CLI_OWNER, productionRun, RUN_TABLES, rowCounts, trial } from './support.js'

/**
 * Sandbox trials end to end (issue 4 §6) with the installed 15- and 5-minute
 * plugins on the small fixture day: copy, run at the trial's period length,
 * compare with production, delete only the trial's rows.
 */
const CLOCK_CHANGE = '2026-03-29'

async function refusal(promise: Promise<unknown>, field: string, message: RegExp) {
  try {
    await promise
  } catch (error) {
    if (!(error instanceof SandboxError)) throw error
    if (error.field !== field || !message.test(error.message))
      throw new Error(`expected ${field}: ${message}, got ${error.field}: ${error.message}`)
    return
  }
  throw new Error(`expected a refusal on ${field}`)
}

test.group('Sandbox trials', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a 15-minute trial runs 96 periods on its copy and compares with production by party', async ({
    assert,
  }) => {
    await importSmallDay()
    const production = await productionRun(SMALL_DATE)
    const sandbox = await trial('p999-trial', ['p999_15min_periods'], [SMALL_DATE])
    assert.equal(sandbox.ruleSetKey, 'baseline@1+p999_15min_periods@1')
    const [day] = await db.from('settlement_sandbox_days').where('sandbox_id', sandbox.id)
    assert.equal(day.input_hash, production.inputHash, 'the copy is the day production ran on')

    const outcome = await runSandbox(sandbox.id, { actor: CLI_OWNER })
    assert.equal(outcome.status, 'succeeded', JSON.stringify(outcome.runs[0].error))
    assert.equal(outcome.runs[0].periods, 96)
    const run = await db.from('settlement_runs').where('id', outcome.runs[0].runId).first()
    assert.equal(Number(run.sandbox_id), sandbox.id)
    assert.equal(Number(run.period_minutes), 15)
    assert.equal(JSON.parse(run.manifest).pool.owner, `sandbox:${sandbox.id}`)
    const stored = await db.from('settlement_sandboxes').where('id', sandbox.id).first()
    assert.equal(stored.status, 'succeeded')

    const comparison = await compareSandbox(sandbox.id)
    const [compared] = comparison.days
    assert.equal(compared.productionRun!.id, production.runId)
    assert.equal(compared.trialRun!.periodMinutes, 15)
    assert.isTrue(compared.sameSource)
    const parties = await db.from('settlement_party_charges').where('run_id', production.runId)
    assert.lengthOf(compared.parties, parties.length)
    for (const row of compared.parties) {
      assert.isNotNull(row.production)
      assert.isNotNull(row.trial)
      assert.closeTo(row.delta!, row.trial! - row.production!, 1e-9)
    }
    assert.lengthOf(compared.periods, 48)
    assert.isTrue(compared.periods.every((point) => point.trialPeriods === 2))
    // BM Units: daily sums of real-valued result columns only (no flags, no input dictionaries),
    // without the factors the 15-minute plugin declares not comparable (TLF and TLM add up per period).
    assert.includeMembers(
      comparison.ignored.map((rule) => rule.output),
      ['transmission_losses.tlf', 'transmission_losses.tlm']
    )
    for (const row of compared.bmUnits) {
      assert.notMatch(row.frame, /^inputs\./)
      assert.notInclude(['qmMissing', 'qmEstimated', 'delivering', 'tlf', 'tlm'], row.column)
      assert.isAbove(Math.abs(row.delta ?? Infinity), 1e-9, 'only what moved is listed')
    }
    // Volumes are summed into the half hour: the day's NIV is the same total either way round.
    const trialPrices = await db.from('settlement_system_prices').where('run_id', run.id)
    const niv = trialPrices.reduce((sum, row) => sum + (row.net_imbalance_volume ?? 0), 0)
    const summed = compared.periods.reduce((s, p) => s + (p.trial.netImbalanceVolume ?? 0), 0)
    assert.closeTo(summed, niv, 1e-6)
  })

  test('a 5-minute trial runs 288 periods; a clock-change day 92 at 15 minutes', async ({
    assert,
  }) => {
    await importSmallDay()
    await importGeneratedDay(CLOCK_CHANGE)
    assert.equal(periodsInDay(CLOCK_CHANGE), 46)
    const five = await trial('five', ['p998_5min_periods'], [SMALL_DATE])
    const fifteen = await trial('spring', ['p999_15min_periods'], [CLOCK_CHANGE])
    const [a, b] = await Promise.all([
      runSandbox(five.id, { actor: CLI_OWNER }),
      runSandbox(fifteen.id, { actor: CLI_OWNER }),
    ])
    assert.equal(a.status, 'succeeded', JSON.stringify(a.runs[0].error))
    assert.equal(b.status, 'succeeded', JSON.stringify(b.runs[0].error))
    assert.equal(a.runs[0].periods, 288)
    assert.equal(b.runs[0].periods, 92)
    const comparison = await compareSandbox(five.id)
    assert.isNull(comparison.days[0].productionRun)
    assert.lengthOf(comparison.days[0].periods, 48)
    assert.isTrue(comparison.days[0].periods.every((point) => point.trialPeriods === 6))
  })

  test('a copy is frozen: a later production import does not change the trial', async ({
    assert,
  }) => {
    await importSmallDay()
    const sandbox = await trial('frozen', [], [SMALL_DATE])
    const [copied] = await db.from('settlement_sandbox_days').where('sandbox_id', sandbox.id)
    await importGeneratedDay(SMALL_DATE, 3)
    const production = await productionRun(SMALL_DATE)
    assert.notEqual(production.inputHash, copied.input_hash)
    const outcome = await runSandbox(sandbox.id, { actor: CLI_OWNER })
    assert.equal(outcome.runs[0].inputHash, copied.input_hash)
    const comparison = await compareSandbox(sandbox.id)
    assert.isFalse(comparison.days[0].sameSource)
    // The trial needs only its copy: it runs again after production's inputs of the day are gone.
    await db.from('settlement_metered_volumes').where('settlement_date', SMALL_DATE).delete()
    const again = await runSandbox(sandbox.id, { actor: CLI_OWNER })
    assert.equal(again.status, 'succeeded')
    assert.equal(again.runs[0].inputHash, copied.input_hash)
  })

  test('creating refuses bad names, conflicts, unknown plugins and days without inputs; nothing is written', async ({
    assert,
  }) => {
    await importSmallDay()
    await refusal(trial('Bad Name', [], [SMALL_DATE]), 'name', /lower-case letters/)
    await refusal(
      trial('both', ['p999_15min_periods', 'p998_5min_periods'], [SMALL_DATE]),
      'pluginIds',
      /conflicts with/
    )
    await refusal(trial('nope', ['no_such_plugin'], [SMALL_DATE]), 'pluginIds', /no_such_plugin/)
    await refusal(trial('early', [], ['2020-01-01']), 'days', /No production inputs for 2020-01-01/)
    await refusal(trial('bad-day', [], ['2026-02-30']), 'days', /./)
    await refusal(trial('none', [], []), 'days', /at least one/)
    await refusal(
      trial('cap', [], [SMALL_DATE], { maxParallelTasks: 0 }),
      'maxParallelTasks',
      /1 to/
    )
    assert.deepEqual(await rowCounts(['settlement_sandboxes', 'settlement_sandbox_days']), {
      settlement_sandboxes: 0,
      settlement_sandbox_days: 0,
    })
    await trial('taken', [], [SMALL_DATE])
    await refusal(trial('taken', [], [SMALL_DATE]), 'name', /already exists/)
    const audit = await db.from('core_audit_log').where('action', 'settlement.sandbox.create')
    assert.lengthOf(audit, 1)
  })

  test('delete removes the trial, its days, runs and results; production and other trials are untouched', async ({
    assert,
  }) => {
    await importSmallDay()
    const production = await productionRun(SMALL_DATE)
    const doomed = await trial('doomed', ['p999_15min_periods'], [SMALL_DATE])
    const kept = await trial('kept', [], [SMALL_DATE])
    const doomedRun = await runSandbox(doomed.id, { actor: CLI_OWNER })
    await runSandbox(kept.id, { actor: CLI_OWNER })
    const productionRows = await rowCounts(RUN_TABLES.slice(0, -1), [production.runId])
    const keptRunRows = await db.from('settlement_runs').where('sandbox_id', kept.id)
    const keptRuns = keptRunRows.map((r) => r.id)
    const keptRows = await rowCounts(RUN_TABLES.slice(0, -1), keptRuns)
    const doomedIds = doomedRun.runs.map((run) => run.runId)
    const doomedRows = await rowCounts(['settlement_stack_items'], doomedIds)
    assert.isAbove(doomedRows.settlement_stack_items, 0)
    const snapshots = await rowCounts(['settlement_input_snapshots'])

    const deleted = await deleteSandbox(doomed.id, CLI_OWNER)
    assert.deepEqual(deleted, { id: doomed.id, name: 'doomed', runs: 1, days: 1, snapshots: 1 })
    assert.deepEqual(await rowCounts(RUN_TABLES.slice(0, -1), [production.runId]), productionRows)
    assert.deepEqual(await rowCounts(RUN_TABLES.slice(0, -1), keptRuns), keptRows)
    for (const [table, n] of Object.entries(await rowCounts(RUN_TABLES.slice(0, -1), doomedIds)))
      assert.equal(n, 0, table)
    // The 15-minute snapshot went; the 30-minute one production and "kept" share stayed.
    const after = await rowCounts(['settlement_input_snapshots'])
    assert.equal(after.settlement_input_snapshots, snapshots.settlement_input_snapshots - 1)
    assert.isNull(await db.from('settlement_sandboxes').where('id', doomed.id).first())
    assert.lengthOf(await db.from('settlement_sandbox_days').where('sandbox_id', doomed.id), 0)
    assert.lengthOf(await db.from('settlement_sandbox_days').where('sandbox_id', kept.id), 1)
    const audit = await db.from('core_audit_log').where('action', 'settlement.sandbox.delete')
    assert.equal(JSON.parse(audit[0].before).name, 'doomed')
  })

  test('a trial with a run in progress can be neither run again nor deleted', async ({
    assert,
  }) => {
    await importSmallDay()
    const sandbox = await trial('busy', [], [SMALL_DATE])
    await db.table('settlement_runs').insert({
      settlement_date: SMALL_DATE,
      run_type: 'SF',
      run_number: 1,
      sandbox_id: sandbox.id,
      status: 'running',
      rule_set_key: sandbox.ruleSetKey,
      requested_by: 'test',
      queued_at: new Date().toISOString(),
    })
    await refusal(runSandbox(sandbox.id, { actor: CLI_OWNER }), 'sandbox', /already running/)
    await refusal(deleteSandbox(sandbox.id, CLI_OWNER), 'sandbox', /in progress/)
    assert.isNotNull(await db.from('settlement_sandboxes').where('id', sandbox.id).first())
  })
})
