import { test } from '@japa/runner'
import type { PluginManifest } from '#rules_runtime/manifest'
import type { ParameterCatalogue } from '#rules_runtime/parameters'
import { canonicalOrder, setProblems } from '#rules_runtime/plugin_set'
import type { InstalledPlugin } from '#rules_runtime/plugin_folder'
import {
  enabledOn,
  enabledPeriods,
  recordsInForce,
  type EnablementRecord,
} from '#settlement/enablement/enablement_records'

/**
 * Which plugins a settlement date's rule set holds, from effective-dated
 * records (the latest effective date on or before the date decides; for one
 * date, the record made last), and the order plugins apply in.
 */
let nextId = 1
function record(pluginId: string, action: 'enable' | 'disable', effectiveFrom: string) {
  return {
    id: nextId++,
    pluginId,
    pluginVersion: 1,
    action,
    effectiveFrom,
    reason: 'test',
    actorUserId: null,
    actorLabel: 'test',
    createdAt: '2026-01-01T00:00:00.000Z',
  } satisfies EnablementRecord
}

function plugin(id: string, changes: Partial<PluginManifest> = {}): InstalledPlugin {
  return {
    id,
    dir: `/plugins/${id}`,
    readme: 'r',
    newParameters: [],
    problems: [],
    manifest: {
      id,
      version: 1,
      title: id,
      bscReferences: ['x'],
      mode: 'production',
      overrides: [],
      adds: [],
      parameters: [],
      requires: [],
      conflicts: [],
      precedence: null,
      parallelRun: { tolerances: { default: 0 }, ignore: [] },
      ...changes,
    },
  }
}

const baseline: ParameterCatalogue = {
  parameters: {
    par_volume: {
      name: 'par_volume',
      unit: 'MWh',
      reference: 'T',
      description: 'PAR',
      type: 'number',
      allowed: null,
      steps: [{ effectiveFrom: '2018-11-01', value: 1, source: 'par_volume.yaml' }],
    },
  },
}

test.group('Rule sets derived from enablement records', () => {
  test('a date sees the records in force on it', ({ assert }) => {
    const records = [
      record('p375', 'enable', '2024-06-01'),
      record('p462', 'enable', '2024-01-01'),
      record('p462', 'disable', '2024-03-01'),
      record('p375', 'disable', '2024-09-01'),
    ]
    assert.deepEqual(enabledOn(records, '2023-12-31'), [])
    assert.deepEqual(enabledOn(records, '2024-01-01'), ['p462'])
    assert.deepEqual(enabledOn(records, '2024-02-29'), ['p462'])
    assert.deepEqual(enabledOn(records, '2024-03-01'), [])
    assert.deepEqual(enabledOn(records, '2024-06-01'), ['p375'])
    assert.deepEqual(enabledOn(records, '2024-08-31'), ['p375'])
    assert.deepEqual(enabledOn(records, '2024-09-01'), [])
  })

  test('for one date the record made last decides, whatever order they arrive in', ({ assert }) => {
    const enable = record('p1', 'enable', '2024-05-01')
    const disable = record('p1', 'disable', '2024-05-01')
    assert.deepEqual(enabledOn([disable, enable], '2024-05-01'), [])
    assert.equal(recordsInForce([disable, enable], '2024-05-02').get('p1')?.id, disable.id)
    const again = record('p1', 'enable', '2024-05-01')
    assert.deepEqual(enabledOn([again, enable, disable], '2024-05-01'), ['p1'])
  })

  test('an enable from an earlier date does not undo a later disable', ({ assert }) => {
    const records = [
      record('p1', 'enable', '2024-01-01'),
      record('p1', 'disable', '2024-06-01'),
      record('p1', 'enable', '2024-03-01'),
    ]
    assert.deepEqual(enabledOn(records, '2024-04-01'), ['p1'])
    assert.deepEqual(enabledOn(records, '2024-07-01'), [])
    assert.deepEqual(enabledPeriods(records, 'p1'), [
      { from: '2024-01-01', disabledFrom: '2024-06-01' },
    ])
  })

  test('enabled periods: open-ended, closed, re-opened', ({ assert }) => {
    const records = [
      record('p1', 'enable', '2024-01-01'),
      record('p1', 'disable', '2024-02-01'),
      record('p1', 'enable', '2024-05-01'),
      record('p2', 'enable', '2024-01-15'),
    ]
    assert.deepEqual(enabledPeriods(records, 'p1'), [
      { from: '2024-01-01', disabledFrom: '2024-02-01' },
      { from: '2024-05-01', disabledFrom: null },
    ])
    assert.deepEqual(enabledPeriods(records, 'p3'), [])
  })
})

test.group('Plugin sets on manifests', () => {
  test('plugins apply in one order: required first, then precedence (none first), then id', ({
    assert,
  }) => {
    const order = (plugins: InstalledPlugin[]) =>
      canonicalOrder(plugins as never[]).map((p: InstalledPlugin) => p.id)
    assert.deepEqual(
      order([
        plugin('b'),
        plugin('a', { precedence: 5 }),
        plugin('c'),
        plugin('z', { precedence: -1 }),
      ]),
      ['b', 'c', 'z', 'a']
    )
    // A required plugin comes first even with a higher precedence.
    assert.deepEqual(
      order([
        plugin('low', { precedence: 1, requires: ['high'] }),
        plugin('high', { precedence: 9 }),
      ]),
      ['high', 'low']
    )
    assert.throws(
      () => order([plugin('x', { requires: ['y'] }), plugin('y', { requires: ['x'] })]),
      /require each other in a cycle: x, y/
    )
  })

  test('two plugins changing a parameter on one date need precedence; the higher applies last', ({
    assert,
  }) => {
    const change = (value: number) => [{ name: 'par_volume', values: { '2030-01-01': value } }]
    const options = { production: true }
    assert.match(
      setProblems(
        [plugin('a', { parameters: change(5) }), plugin('b', { parameters: change(7) })],
        baseline,
        options
      ).join(),
      /a and b both change par_volume from 2030-01-01 without precedence/
    )
    assert.deepEqual(
      setProblems(
        [
          plugin('a', { parameters: change(5), precedence: 2 }),
          plugin('b', { parameters: change(7), precedence: 1 }),
        ],
        baseline,
        options
      ),
      []
    )
    // The same value from both is no conflict.
    assert.deepEqual(
      setProblems(
        [plugin('a', { parameters: change(5) }), plugin('b', { parameters: change(5) })],
        baseline,
        options
      ),
      []
    )
  })

  test('parameter changes must name an existing parameter with real dates and its type', ({
    assert,
  }) => {
    const problems = (values: Record<string, unknown>, name = 'par_volume') =>
      setProblems([plugin('p', { parameters: [{ name, values: values as never }] })], baseline, {
        production: false,
      }).join()
    assert.match(problems({ '2024-02-30': 1 }), /2024-02-30\]: date must be a real yyyy-MM-dd date/)
    assert.match(problems({ '24-01-01': 1 }), /date must be a real yyyy-MM-dd date/)
    assert.match(
      problems({ '2024-01-01': 'big' }),
      /must be a number like the other values, got string/
    )
    assert.match(problems({ '2024-01-01': 1 }, 'nope'), /parameter "nope" does not exist/)
    assert.equal(problems({ '2024-01-01': 2 }), '')
  })

  test("a plugin's own problems make every set it is in invalid, named by plugin", ({ assert }) => {
    const broken = { ...plugin('broken'), problems: ['README.md is missing'] }
    assert.deepEqual(setProblems([plugin('ok'), broken], baseline, { production: true }), [
      'broken: README.md is missing',
    ])
  })
})
