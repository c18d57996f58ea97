import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { createRun, RunRequestError } from '#settlement/actions/create_run'
import { executeRun } from '#settlement/actions/execute_run'
import { changeEnablement } from '#settlement/enablement/change_enablement'
import { importGeneratedDay, importSmallDay, SMALL_DATE } from '../support/fixtures.js'
import { GOOD, runtimeOn } from './support/rules_fixtures.js'

/**
 * Runs with plugins (issue 4 §3 and Bad input): a run without a key gets the
 * rule set enabled on its date; a plugin stage that throws fails its own run
 * with the plugin named, while production runs beside it are unaffected; a
 * sandbox-only plugin never settles production.
 */
const runtime = runtimeOn(GOOD)
const actor = { id: null, label: 'test' }
const DAY_BEFORE = '2026-01-14'

async function queue(settlementDate: string, options: { key?: string; sandboxId?: number } = {}) {
  return createRun(
    {
      settlementDate,
      runType: 'SF',
      ruleSetKey: options.key,
      sandboxId: options.sandboxId ?? null,
      requestedBy: 'test',
    },
    runtime
  )
}

test.group('Runs with Modification plugins', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a run without a key gets the baseline with the plugins enabled on its date', async ({
    assert,
  }) => {
    await importSmallDay()
    await importGeneratedDay(DAY_BEFORE)
    await changeEnablement(
      {
        pluginId: 'audit_totals',
        action: 'enable',
        from: SMALL_DATE,
        reason: 'from the 15th',
        actor,
      },
      runtime
    )
    const before = await queue(DAY_BEFORE)
    const on = await queue(SMALL_DATE)
    const keys = await db.from('settlement_runs').whereIn('id', [before, on]).orderBy('id')
    assert.deepEqual(
      keys.map((row) => row.rule_set_key),
      ['baseline@1', 'baseline@1+audit_totals@1']
    )
    const result = await executeRun(on, { runtime })
    assert.equal(result.status, 'succeeded', JSON.stringify(result.error))
    assert.deepInclude(result.stages.at(-1)!, { id: 'totals_audit', origin: 'audit_totals' })
    const frames = await db.from('settlement_run_frames').where('run_id', on).select('name')
    assert.includeMembers(
      frames.map((f) => f.name),
      ['totals_audit', 'party_totals']
    )
  })

  test('a plugin stage that throws fails only its run, naming the plugin', async ({ assert }) => {
    await importSmallDay()
    const trial = await queue(SMALL_DATE, { key: 'baseline@1+throwing_stage@1', sandboxId: 7 })
    const production = await queue(SMALL_DATE)
    const [failed, settled] = await Promise.all([
      executeRun(trial, { runtime }),
      executeRun(production, { runtime }),
    ])
    assert.equal(failed.status, 'failed')
    assert.include(failed.error!, { stageId: 'always_throws', origin: 'throwing_stage' })
    assert.include(failed.error!.message, 'corpus stage failure')
    const row = await db.from('settlement_runs').where('id', trial).firstOrFail()
    assert.include(row, {
      failed_stage: 'always_throws',
      failed_origin: 'throwing_stage',
      output_hash: null,
    })
    assert.equal(settled.status, 'succeeded', JSON.stringify(settled.error))
    assert.equal(settled.ruleSetKey, 'baseline@1')
    assert.match(settled.outputHash!, /^[0-9a-f]{64}$/)
  })

  test('enabled for production, a throwing plugin fails the runs of its dates only', async ({
    assert,
  }) => {
    await importSmallDay()
    await importGeneratedDay(DAY_BEFORE)
    await changeEnablement(
      { pluginId: 'throwing_stage', action: 'enable', from: SMALL_DATE, reason: 'bad idea', actor },
      runtime
    )
    const [earlier, affected] = await Promise.all([
      queue(DAY_BEFORE).then((id) => executeRun(id, { runtime })),
      queue(SMALL_DATE).then((id) => executeRun(id, { runtime })),
    ])
    assert.equal(earlier.status, 'succeeded', JSON.stringify(earlier.error))
    assert.equal(affected.status, 'failed')
    assert.equal(affected.ruleSetKey, 'baseline@1+throwing_stage@1')
    assert.include(affected.error!, { origin: 'throwing_stage' })
  })

  test('a sandbox-only plugin may run in a sandbox, never in production', async ({ assert }) => {
    await importSmallDay()
    await assert.rejects(
      () => queue(SMALL_DATE, { key: 'baseline@1+sandbox_trial@1' }),
      /sandbox_trial is sandbox-only/
    )
    await assert.rejects(
      () => queue(SMALL_DATE, { key: 'baseline@1+sandbox_trial@1' }),
      RunRequestError as never
    )
    const trial = await queue(SMALL_DATE, { key: 'baseline@1+sandbox_trial@1', sandboxId: 3 })
    const result = await executeRun(trial, { runtime })
    assert.equal(result.status, 'succeeded', JSON.stringify(result.error))
  })

  test('a run is refused, with the reason, when the plugins enabled on its date cannot load', async ({
    assert,
  }) => {
    await importSmallDay()
    // A record for a plugin this installation does not have (removed after it was enabled).
    await db.table('settlement_rule_enablements').insert({
      plugin_id: 'removed_plugin',
      plugin_version: 1,
      action: 'enable',
      effective_from: '2026-01-01',
      reason: 'enabled before its folder was removed',
      actor_label: 'test',
      created_at: new Date().toISOString(),
    })
    await assert.rejects(
      () => queue(SMALL_DATE),
      /The rules enabled for 2026-01-15 cannot be used: .*no Modification "removed_plugin" is installed/
    )
  })
})
