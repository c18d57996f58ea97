import { test } from '@japa/runner'
import {
  compileRuleSet,
  parseRuleSetKey,
  type PluginSpec,
  type RuleSetSpec,
} from '#rules_runtime/rule_set'
import type { Stage } from '#rules_runtime/stage'

const stage = (
  id: string,
  reads: string[],
  writes: string[],
  scope: Stage['scope'] = 'period'
): Stage => ({
  id,
  title: id,
  reference: `ref ${id}`,
  scope,
  reads,
  writes,
  params: [],
  run: () => ({ outputs: {} }),
})

const baseline = () => [
  stage('volumes', ['inputs.meteredVolume'], ['volumes']),
  stage('prices', ['volumes', 'inputs.marketIndex'], ['prices']),
  stage('charges', ['volumes', 'prices'], ['charges']),
  stage('totals', ['charges'], ['totals'], 'day'),
]

const plugin = (id: string, changes: Partial<PluginSpec> = {}): PluginSpec => ({
  id,
  version: 1,
  module: `file:///plugins/${id}/index.js`,
  overrides: [],
  adds: [],
  parameterDeltas: [],
  ...changes,
})

const spec = (plugins: PluginSpec[] = []): RuleSetSpec => ({
  key: ['baseline@1', ...plugins.map((p) => `${p.id}@${p.version}`)].join('+'),
  baseline: {
    version: 1,
    module: 'file:///baseline/index.js',
    parametersDir: '/baseline/parameters',
  },
  plugins,
})

const order = (compiled: ReturnType<typeof compileRuleSet>) =>
  [...compiled.periodStages, ...compiled.dayStages].map(
    ({ stage: s, origin }) => `${s.id}:${origin}`
  )

test.group('Rule-set keys', () => {
  test('parses baseline and plugin versions', ({ assert }) => {
    assert.deepEqual(parseRuleSetKey('baseline@3+p375@1+p999@12'), [
      { id: 'baseline', version: 3 },
      { id: 'p375', version: 1 },
      { id: 'p999', version: 12 },
    ])
  })

  test('rejects malformed keys', ({ assert }) => {
    for (const key of [
      '',
      'baseline',
      'p375@1',
      'baseline@1+p375',
      'baseline@x',
      'baseline@1+p375@1+p375@2',
    ]) {
      assert.throws(() => parseRuleSetKey(key), /rejected/, key)
    }
  })
})

test.group('compileRuleSet', () => {
  test('orders stages by what they read, declared order breaking ties', ({ assert }) => {
    const shuffled = [baseline()[3], baseline()[2], baseline()[0], baseline()[1]]
    assert.deepEqual(order(compileRuleSet(spec(), shuffled, [])), [
      'volumes:baseline',
      'prices:baseline',
      'charges:baseline',
      'totals:baseline',
    ])
  })

  test('a plugin overrides a stage by id and adds stages at a position', ({ assert }) => {
    const p = plugin('p1', {
      overrides: ['prices'],
      adds: [{ stageId: 'audit', after: 'charges' }],
    })
    const compiled = compileRuleSet(spec([p]), baseline(), [
      [stage('prices', ['volumes'], ['prices']), stage('audit', ['charges'], ['audit'])],
    ])
    assert.deepEqual(order(compiled), [
      'volumes:baseline',
      'prices:p1',
      'charges:baseline',
      'audit:p1',
      'totals:baseline',
    ])
  })

  test('rejects a read that no stage writes, naming stage and origin', ({ assert }) => {
    const p = plugin('p2', { overrides: ['charges'] })
    assert.throws(
      () =>
        compileRuleSet(spec([p]), baseline(), [
          [stage('charges', ['volumes', 'nowhere'], ['charges'])],
        ]),
      /stage "charges" \(p2\) reads "nowhere", which no stage writes/
    )
    assert.throws(
      () => compileRuleSet(spec(), [stage('x', ['inputs.noSuchField'], ['x'])], []),
      /reads "inputs.noSuchField"/
    )
  })

  test('rejects a frame written twice, a cycle and a period stage reading a day frame', ({
    assert,
  }) => {
    assert.throws(
      () => compileRuleSet(spec(), [...baseline(), stage('again', [], ['prices'])], []),
      /frame "prices" is written by both "prices" and "again"/
    )
    assert.throws(
      () => compileRuleSet(spec(), [stage('a', ['b'], ['a']), stage('b', ['a'], ['b'])], []),
      /cycle: a, b/
    )
    assert.throws(
      () => compileRuleSet(spec(), [...baseline(), stage('late', ['totals'], ['late'])], []),
      /period stage "late" reads "totals", written by day stage "totals"/
    )
  })

  test('rejects plugins that override unknown stages or the same stage twice', ({ assert }) => {
    assert.throws(
      () =>
        compileRuleSet(spec([plugin('p3', { overrides: ['nope'] })]), baseline(), [
          [stage('nope', [], ['n'])],
        ]),
      /p3 overrides unknown stage "nope"/
    )
    const twice = spec([
      plugin('a', { overrides: ['prices'] }),
      plugin('b', { overrides: ['prices'] }),
    ])
    const prices = () => [stage('prices', ['volumes'], ['prices'])]
    assert.throws(
      () => compileRuleSet(twice, baseline(), [prices(), prices()]),
      /overridden by both a and b/
    )
  })

  test('rejects additions at unknown or impossible positions and stray plugin stages', ({
    assert,
  }) => {
    const nowhere = plugin('p4', { adds: [{ stageId: 'x', before: 'missing' }] })
    assert.throws(
      () => compileRuleSet(spec([nowhere]), baseline(), [[stage('x', [], ['x'])]]),
      /unknown position/
    )
    const dayNextToPeriod = plugin('p5', { adds: [{ stageId: 'x', before: 'prices' }] })
    assert.throws(
      () => compileRuleSet(spec([dayNextToPeriod]), baseline(), [[stage('x', [], ['x'], 'day')]]),
      /places day stage "x" next to period stage "prices"/
    )
    assert.throws(
      () => compileRuleSet(spec([plugin('p6')]), baseline(), [[stage('stray', [], ['s'])]]),
      /exports stage "stray" that it neither overrides nor adds/
    )
    const tooEarly = plugin('p7', { adds: [{ stageId: 'x', before: 'volumes' }] })
    assert.throws(
      () => compileRuleSet(spec([tooEarly]), baseline(), [[stage('x', ['charges'], ['x'])]]),
      /cycle/
    )
  })

  test('reports every problem at once', ({ assert }) => {
    try {
      compileRuleSet(spec(), [stage('a', ['x'], ['a']), stage('b', ['y'], ['a'])], [])
      assert.fail('should throw')
    } catch (error) {
      assert.match((error as Error).message, /reads "x".*reads "y"|written by both.*reads/)
      assert.include((error as Error).message, 'written by both')
    }
  })
})
