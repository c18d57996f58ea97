import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { ingestSettlementRun } from '#insights/actions/ingest_settlement_run'
import { RuleRegistry } from '#rules_runtime/registry'
import { defaultOwnerCap, RulePool } from '#workers/pool'
import { partyOutstandingCharges } from '#settlement/queries/outstanding_charges'
import { latestRunFor, latestRunsBetween, listRuns } from '#settlement/queries/runs'
import { runsPage } from '#settlement/queries/runs_page'
import { partyStatements } from '#settlement/queries/statements_page'
import { recentSucceededRuns } from '#settlement/queries/run_page'
import { runSandbox } from '#settlement/sandboxes/run_sandbox'
import { sandboxLoad } from '#settlement/sandboxes/sandbox_capacity'
import { createUser } from '#tests/helpers/users'
import { importSmallDay, SMALL_DATE } from '../support/fixtures.js'
import { CLI_OWNER, productionRun, trial } from './support.js'

/**
 * A trial's runs never reach production (issue 4 §6): run lists, latest
 * runs, statements, outstanding charges, Insights ingestion and the public
 * API see production only, and a party user cannot open a trial's run. On
 * the pool, each trial keeps to its cap and all trials together to one
 * sandbox share, so production always finds threads.
 */
test.group('Sandbox isolation', (group) => {
  group.setup(async () => {
    await import('#insights/listeners')
  })
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('no production query, statement, charge, ingestion or public API row shows a trial run', async ({
    assert,
    client,
  }) => {
    await importSmallDay()
    const production = await productionRun(SMALL_DATE)
    const sandbox = await trial('hidden', ['p999_15min_periods'], [SMALL_DATE])
    const outcome = await runSandbox(sandbox.id, { actor: CLI_OWNER })
    const trialRun = outcome.runs[0].runId
    assert.equal(outcome.status, 'succeeded')

    const ids = (runs: { id: number }[]) => runs.map((run) => run.id)
    const listed = await listRuns()
    assert.deepEqual(ids(listed.runs), [production.runId])
    const page = await runsPage({})
    assert.deepEqual(ids(page.runs), [production.runId])
    assert.deepEqual(ids(await recentSucceededRuns()), [production.runId])
    assert.equal((await latestRunFor(SMALL_DATE))!.id, production.runId)
    assert.deepEqual(ids(await latestRunsBetween(SMALL_DATE, SMALL_DATE)), [production.runId])
    assert.equal((await latestRunFor(SMALL_DATE, sandbox.id))!.id, trialRun)
    const [party] = await db.from('settlement_party_charges').where('run_id', trialRun).limit(1)
    const statements = await partyStatements(party.party_id)
    assert.notInclude(
      statements.map((s) => s.runId),
      trialRun
    )
    const outstanding = await partyOutstandingCharges(party.party_id)
    assert.notInclude(
      outstanding.days.map((day) => day.runId),
      trialRun
    )

    const ingested = await ingestSettlementRun({
      runId: trialRun,
      settlementDate: SMALL_DATE,
      runType: 'SF',
      sandboxId: null,
    })
    assert.deepEqual(ingested, { status: 'ignored', reason: 'sandbox run' })
    assert.lengthOf(await db.from('insights_runs').where('settlement_run_id', String(trialRun)), 0)
    const response = await client.get(
      `/bmrs/api/v1/balancing/settlement/system-prices/${SMALL_DATE}`
    )
    response.assertStatus(200)
    const published = response.body().data
    assert.lengthOf(published, 48)
    const engine = await db
      .from('settlement_system_prices')
      .where('run_id', production.runId)
      .orderBy('settlement_period')
    assert.deepEqual(
      published.map((row: { systemSellPrice: number }) => row.systemSellPrice),
      engine.map((row) => row.system_sell_price ?? undefined)
    )

    const { user: partyUser } = await createUser({ role: 'assistant', partyId: party.party_id })
    // Every route that reads a run by id hides a trial's from party users (trial_run_guard.ts).
    for (const path of [
      `/settlement/runs/${trialRun}`,
      `/settlement/runs/${trialRun}/statements/${party.party_id}`,
      `/settlement/api/runs/${trialRun}`,
      `/settlement/api/runs/${trialRun}/system-prices`,
      `/settlement/api/runs/${trialRun}/party-totals`,
      `/settlement/api/runs/${trialRun}/statements/${party.party_id}`,
    ]) {
      const hidden = await client.get(path).loginAs(partyUser)
      assert.equal(hidden.status(), 404, path)
    }
    const ownStatement = await client
      .get(`/settlement/api/runs/${production.runId}/statements/${party.party_id}`)
      .loginAs(partyUser)
    ownStatement.assertStatus(200)
    const own = await client.get(`/settlement/runs/${production.runId}`).loginAs(partyUser)
    own.assertStatus(200)
    const { user: operator } = await createUser({ role: 'operator' })
    const staff = await client.get(`/settlement/runs/${trialRun}`).loginAs(operator)
    staff.assertStatus(200)
  })

  test('each trial keeps to its cap and all trials together to one sandbox share', async ({
    assert,
  }) => {
    await importSmallDay()
    const pool = new RulePool({ workers: 4 })
    const runtime = { pool, registry: new RuleRegistry() }
    try {
      const one = await trial('one', ['p998_5min_periods'], [SMALL_DATE], { maxParallelTasks: 1 })
      const wide = await trial('wide', ['p998_5min_periods'], [SMALL_DATE], {
        maxParallelTasks: 8,
      })
      const seen = { all: 0, one: 0, wide: 0, owner: 0 }
      let watching = true
      const watch = async () => {
        while (watching) {
          seen.all = Math.max(seen.all, sandboxLoad())
          seen.one = Math.max(seen.one, sandboxLoad(one.id))
          seen.wide = Math.max(seen.wide, sandboxLoad(wide.id))
          seen.owner = Math.max(seen.owner, pool.ownerLoad(`sandbox:${wide.id}`).active)
          await new Promise((resolve) => setImmediate(resolve))
        }
      }
      const watcher = watch()
      const [a, b, c] = await Promise.all([
        runSandbox(one.id, { actor: CLI_OWNER, runtime }),
        runSandbox(wide.id, { actor: CLI_OWNER, runtime }),
        productionRun(SMALL_DATE),
      ])
      watching = false
      await watcher
      assert.deepEqual([a.status, b.status], ['succeeded', 'succeeded'])
      assert.equal(c.status, 'succeeded')
      const share = defaultOwnerCap('sandbox', pool.workers)
      assert.equal(share, 2)
      assert.isAtMost(seen.all, share)
      assert.isAtMost(seen.one, 1)
      assert.isAtMost(seen.wide, share)
      assert.isAtLeast(seen.all, 1, 'the watcher saw the trials working')
      const manifests = await db
        .from('settlement_runs')
        .whereIn('sandbox_id', [one.id, wide.id])
        .orderBy('sandbox_id')
        .select('manifest')
      assert.deepEqual(
        manifests.map((row) => JSON.parse(row.manifest).pool.parallelism),
        [1, share]
      )
    } finally {
      await pool.close()
    }
  })
})
