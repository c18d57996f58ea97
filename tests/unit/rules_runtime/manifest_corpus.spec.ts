import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { test } from '@japa/runner'
import {
  buildCatalogue,
  catalogueKey,
  ruleSetProblems,
  type RulesCatalogue,
} from '#rules_runtime/plugin_catalogue'
import { RuleRegistry } from '#rules_runtime/registry'
import { compileRuleSet, RuleSetError } from '#rules_runtime/rule_set'
import { RulePool } from '#workers/pool'
import type { ModuleDescription } from '#workers/rule_tasks'

/**
 * The loader against the plugin corpus (tests/fixtures/rules_corpus): every
 * good plugin validates, every bad one is rejected with the problems its
 * expected_errors.txt names, and sets of plugins follow requires, conflicts,
 * sandbox mode and precedence. Stage metadata comes from a worker.
 */
const CORPUS = fileURLToPath(new URL('../../fixtures/rules_corpus/', import.meta.url))
const GOOD = join(CORPUS, 'good')
const BAD = join(CORPUS, 'bad')

async function catalogueOf(dirs: string[]): Promise<RulesCatalogue> {
  const pool = new RulePool({ workers: 2 })
  const lease = pool.lease()
  try {
    return await buildCatalogue(new RuleRegistry({ modificationDirs: dirs }), (module, role) =>
      lease.run<ModuleDescription>({ kind: 'describe_module', module, role })
    )
  } finally {
    lease.release()
    await pool.close()
  }
}

test.group('Plugin loader: the corpus', (group) => {
  let catalogue: RulesCatalogue
  group.setup(async () => {
    catalogue = await catalogueOf([GOOD, BAD])
  })

  test('the baseline loads and every good plugin validates', ({ assert }) => {
    assert.deepEqual(catalogue.problems, [])
    assert.equal(catalogue.baseline?.version, 1)
    const good = catalogue.plugins.filter((plugin) => plugin.dir.startsWith(GOOD))
    assert.isAtLeast(good.length, 8)
    for (const plugin of good) assert.deepEqual(plugin.problems, [], plugin.id)
    const audit = good.find((plugin) => plugin.id === 'audit_totals')!
    assert.deepEqual(
      audit.stages.map(({ id, scope, origin }) => ({ id, scope, origin })),
      [{ id: 'totals_audit', scope: 'day', origin: 'audit_totals' }]
    )
    assert.deepEqual(
      audit.newParameters.map((p) => p.name),
      ['totals_audit_threshold']
    )
  })

  test('every bad plugin is rejected, naming the problem its fixture expects', ({ assert }) => {
    const bad = catalogue.plugins.filter((plugin) => plugin.dir.startsWith(BAD))
    assert.isAtLeast(bad.length, 17)
    for (const plugin of bad) {
      const file = join(plugin.dir, 'expected_errors.txt')
      assert.isTrue(existsSync(file), `${plugin.id} has expected_errors.txt`)
      const expected = readFileSync(file, 'utf8').trim().split('\n')
      for (const text of expected) {
        assert.isTrue(
          plugin.problems.some((problem) => problem.includes(text)),
          `${plugin.id}: "${text}" in ${JSON.stringify(plugin.problems)}`
        )
      }
    }
  })

  test('a rejected plugin cannot be part of any rule set, and says why', ({ assert }) => {
    assert.match(
      ruleSetProblems(catalogue, ['audit_totals', 'bad_cycle'], { production: true }).join(),
      /^bad_cycle: stages depend on each other in a cycle/
    )
    assert.deepEqual(ruleSetProblems(catalogue, ['not_there'], { production: false }), [
      'no Modification "not_there" is installed',
    ])
  })
})

test.group('Plugin loader: rule sets of several plugins', (group) => {
  let catalogue: RulesCatalogue
  group.setup(async () => {
    catalogue = await catalogueOf([GOOD])
  })
  const problems = (ids: string[], production = true) =>
    ruleSetProblems(catalogue, ids, { production }).join('; ')

  test('requires and conflicts are checked on the set', ({ assert }) => {
    assert.match(
      problems(['needs_audit']),
      /needs_audit requires audit_totals, which is not enabled/
    )
    assert.equal(problems(['needs_audit', 'audit_totals']), '')
    assert.match(problems(['anti_audit', 'audit_totals']), /anti_audit conflicts with audit_totals/)
  })

  test('a sandbox-only plugin never enters a production rule set', ({ assert }) => {
    assert.match(problems(['sandbox_trial']), /sandbox_trial is sandbox-only/)
    assert.equal(problems(['sandbox_trial'], false), '')
  })

  test('two overrides of one stage need different precedence; the higher wins', ({ assert }) => {
    assert.equal(problems(['info_price_a', 'info_price_b']), '')
    assert.match(
      problems(['info_price_a', 'info_price_c']),
      /stage "information_imbalance" is overridden by both info_price_a and info_price_c without precedence|overridden by both info_price_c and info_price_a without precedence/
    )
    const metas = (id: string) => catalogue.plugins.find((p) => p.id === id)!
    const winner = (order: string[]) => {
      const spec = {
        key: 'k',
        baseline: { version: 1, module: '', parametersDir: '' },
        plugins: order.map((id) => ({
          id,
          version: 1,
          module: '',
          overrides: ['information_imbalance'],
          adds: [],
          parameterDeltas: [],
          precedence: metas(id).manifest!.precedence,
        })),
      }
      const compiled = compileRuleSet(
        spec,
        catalogue.baseline!.stages,
        order.map((id) => metas(id).stages)
      )
      return compiled.periodStages.find((p) => p.stage.id === 'information_imbalance')!.origin
    }
    assert.equal(winner(['info_price_a', 'info_price_b']), 'info_price_b')
    assert.equal(winner(['info_price_b', 'info_price_a']), 'info_price_b')
  })

  test('keys list plugins in one order: by precedence (none first), id, requirements first', ({
    assert,
  }) => {
    assert.equal(
      catalogueKey(catalogue, ['needs_audit', 'audit_totals', 'info_price_b', 'info_price_a']),
      'baseline@1+audit_totals@1+needs_audit@2+info_price_a@1+info_price_b@1'
    )
    const registry = new RuleRegistry({ modificationDirs: [GOOD] })
    assert.equal(
      registry
        .spec('baseline@1+audit_totals@1+needs_audit@2')
        .plugins.map((p) => p.id)
        .join(),
      'audit_totals,needs_audit'
    )
    assert.throws(
      () => registry.spec('baseline@1+needs_audit@2+audit_totals@1'),
      /write the key as baseline@1\+audit_totals@1\+needs_audit@2/
    )
    assert.throws(() => registry.spec('baseline@1+audit_totals@3'), /installed at version 1, not 3/)
    assert.throws(
      () => registry.spec('baseline@1+sandbox_trial@1', { production: true }),
      RuleSetError as never
    )
    assert.equal(registry.spec('baseline@1+sandbox_trial@1').plugins[0].id, 'sandbox_trial')
  })

  test('a plugin spec carries its new parameters and dated changes as deltas', ({ assert }) => {
    const registry = new RuleRegistry({ modificationDirs: [GOOD] })
    const [audit] = registry.spec('baseline@1+audit_totals@1').plugins
    assert.deepInclude(audit.parameterDeltas[0], {
      name: 'totals_audit_threshold',
      unit: '£',
      values: { '2000-01-01': 1000 },
      source: 'audit_totals/parameters/totals_audit_threshold.yaml',
    })
    const [anti] = registry.spec('baseline@1+anti_audit@1').plugins
    assert.deepEqual(anti.parameterDeltas, [
      {
        name: 'information_imbalance_price_1',
        values: { '2030-01-01': 1 },
        source: 'anti_audit/manifest.yaml',
      },
    ])
  })
})
