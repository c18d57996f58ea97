import { cpSync } from 'node:fs'
import { join } from 'node:path'
import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { RuleRegistry } from '#rules_runtime/registry'
import { codeVersion } from '#settlement/actions/execute_run'
import { changeEnablement, EnablementRefused } from '#settlement/enablement/change_enablement'
import { watchRules, type RulesReload } from '#settlement/enablement/hot_reload'
import { rulesCatalogue } from '#settlement/enablement/rules_catalogue'
import type { SettlementRuntime } from '#settlement/runs/runtime'
import { RulePool } from '#workers/pool'
import type { ModuleDescription } from '#workers/rule_tasks'
import { BAD, GOOD, scratchPlugins } from './support/rules_fixtures.js'

/**
 * Hot loading (issue 4 §4): a plugin folder added or changed while the server
 * runs is loaded by a new pool generation without a restart; work in flight
 * finishes on the old generation; a malformed plugin is rejected by name and
 * the plugins already in use keep working.
 */
const actor = { id: null, label: 'test' }

function nextReload(reloads: RulesReload[], count: number): Promise<RulesReload> {
  return new Promise((resolve, reject) => {
    const started = Date.now()
    const poll = setInterval(() => {
      if (reloads.length >= count) {
        clearInterval(poll)
        resolve(reloads[count - 1])
      } else if (Date.now() - started > 20_000) {
        clearInterval(poll)
        reject(new Error('no reload within 20 s'))
      }
    }, 25)
  })
}

test.group('Hot reload of rule folders', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('an added plugin loads in a new generation while work in flight finishes on the old', async ({
    assert,
  }) => {
    const scratch = scratchPlugins('anti_audit')
    const runtime: SettlementRuntime = {
      pool: new RulePool({ workers: 1 }),
      registry: new RuleRegistry({ modificationDirs: [scratch.dir] }),
    }
    const reloads: RulesReload[] = []
    const watching = watchRules(() => runtime, {
      dirs: runtime.registry.watchedDirs,
      debounceMs: 100,
      onReload: (reload) => reloads.push(reload),
    })
    try {
      const before = await rulesCatalogue(runtime)
      assert.deepEqual(
        before.plugins.map((p) => p.id),
        ['anti_audit']
      )
      const inFlight = runtime.pool.lease('production', codeVersion(runtime))
      assert.equal(inFlight.generation, 1)

      cpSync(join(GOOD, 'audit_totals'), join(scratch.dir, 'audit_totals'), { recursive: true })
      const added = await nextReload(reloads, 1)
      assert.equal(added.generation, 2)
      assert.isAbove(added.ms, 0)
      assert.deepEqual(
        added.catalogue.plugins.map((p) => [p.id, p.problems]),
        [
          ['anti_audit', []],
          ['audit_totals', []],
        ]
      )
      assert.equal(runtime.pool.generation, 2)
      assert.deepEqual(runtime.pool.liveGenerations(), [1, 2])
      const oldWork = await inFlight.run<ModuleDescription>({
        kind: 'describe_module',
        module: runtime.registry.baselineModule,
        role: 'baseline',
      })
      assert.isTrue(oldWork.ok)
      inFlight.release()

      const record = await changeEnablement(
        {
          pluginId: 'audit_totals',
          action: 'enable',
          from: '2024-06-01',
          reason: 'hot loaded',
          actor,
        },
        runtime
      )
      assert.equal(record.pluginVersion, 1)

      cpSync(join(BAD, 'bad_cycle'), join(scratch.dir, 'bad_cycle'), { recursive: true })
      const rejected = await nextReload(reloads, 2)
      assert.equal(rejected.generation, 3)
      const bad = rejected.catalogue.plugins.find((p) => p.id === 'bad_cycle')!
      assert.match(bad.problems.join(), /stages depend on each other in a cycle/)
      await assert.rejects(
        () =>
          changeEnablement(
            { pluginId: 'bad_cycle', action: 'enable', from: '2024-06-01', reason: 'no', actor },
            runtime
          ),
        EnablementRefused as never
      )
      const catalogue = await rulesCatalogue(runtime)
      assert.deepEqual(catalogue.plugins.find((p) => p.id === 'audit_totals')?.problems, [])
      // The old generations close once drained.
      while (runtime.pool.liveGenerations().length > 1)
        await new Promise((resolve) => setTimeout(resolve, 20))
      assert.deepEqual(runtime.pool.liveGenerations(), [3])
    } finally {
      watching.close()
      await runtime.pool.close()
      scratch.remove()
    }
  }).timeout(60_000)
})
