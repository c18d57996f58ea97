import { test } from '@japa/runner'
import { ManifestError, parseManifest } from '#rules_runtime/manifest'

const valid = `
id: p999_example
version: 2
title: An example Modification
bscReferences: [BSC Section T 4.4]
mode: production
overrides: [imbalance_price]
adds:
  - stage: vtp_volumes
    after: credited_energy
parameters:
  - name: par_volume
    values:
      '2030-04-01': 5
requires: [p376]
conflicts: [p462]
precedence: 10
parallelRun:
  tolerances:
    default: 0.005
    system_prices.systemSellPrice: 0.00001
  ignore:
    - output: stack.finalPrice
      reason: repriced by design
    - output: stack
      reason: a whole frame may be ignored too
`

function problemsOf(text: string, folder = 'p999_example'): string[] {
  try {
    parseManifest(text, folder)
  } catch (error) {
    if (error instanceof ManifestError) return error.problems
    throw error
  }
  return []
}

test.group('Plugin manifest', () => {
  test('reads every field of a valid manifest', ({ assert }) => {
    const manifest = parseManifest(valid, 'p999_example')
    assert.deepInclude(manifest, {
      id: 'p999_example',
      version: 2,
      mode: 'production',
      overrides: ['imbalance_price'],
      adds: [{ stage: 'vtp_volumes', after: 'credited_energy' }],
      parameters: [{ name: 'par_volume', values: { '2030-04-01': 5 } }],
      requires: ['p376'],
      conflicts: ['p462'],
      precedence: 10,
    })
    assert.deepEqual(manifest.parallelRun.tolerances, {
      'default': 0.005,
      'system_prices.systemSellPrice': 0.00001,
    })
    assert.lengthOf(manifest.parallelRun.ignore, 2)
  })

  test('optional lists default to empty, precedence to none, tolerance to exact', ({ assert }) => {
    const manifest = parseManifest(
      'id: tiny\nversion: 1\ntitle: Tiny\nbscReferences: [x]\nmode: sandbox\n',
      'tiny'
    )
    assert.deepInclude(manifest, {
      overrides: [],
      adds: [],
      parameters: [],
      requires: [],
      conflicts: [],
      precedence: null,
      mode: 'sandbox',
    })
    assert.deepEqual(manifest.parallelRun, { tolerances: { default: 0 }, ignore: [] })
  })

  test('names every problem at once, with the plugin', ({ assert }) => {
    try {
      parseManifest('id: other\nversion: 1.5\nmode: live\nextra: 1\n', 'p1')
      assert.fail('should reject')
    } catch (error) {
      assert.instanceOf(error, ManifestError)
      assert.match((error as Error).message, /^Modification "p1" rejected: /)
      assert.includeMembers((error as ManifestError).problems, [
        'unknown field "extra" in manifest.yaml',
        'id must be "p1" (the folder name), got "other"',
        'version must be a positive integer, got 1.5',
        'title must be a non-empty string',
        'bscReferences must name at least one BSC document',
        'mode must be production or sandbox, got "live"',
      ])
    }
  })

  test('rejects malformed positions, parameters, ids and parallel-run entries', ({ assert }) => {
    const base = 'id: p1\nversion: 1\ntitle: T\nbscReferences: [x]\nmode: production\n'
    const cases: [string, RegExp][] = [
      ['adds: [{ stage: x }]', /adds\[0\] \("x"\) needs exactly one of before or after/],
      ['adds: [{ stage: x, before: a, after: b }]', /needs exactly one of before or after/],
      ['adds: [{ stage: X-1, after: a }]', /adds\[0\] needs a snake_case stage id/],
      ['overrides: [ok, ok]', /overrides lists an id twice/],
      ['requires: [p1]', /requires\/conflicts name the plugin itself/],
      ['requires: [a]\nconflicts: [a]', /"a" is both required and in conflict/],
      ['precedence: high', /precedence must be an integer/],
      ['parameters: [{ name: par_volume }]', /needs values/],
      [
        "parameters: [{ name: p, unit: MWh, values: { '2024-01-01': 1 } }]",
        /unknown field unit \(new parameters go in parameters\/\*\.yaml\)/,
      ],
      ['parallelRun: { tolerances: { default: -1 } }', /tolerances.default must be a number ≥ 0/],
      [
        'parallelRun: { tolerances: { "bad name": 1 } }',
        /is not default, <frame> or <frame>.<column>/,
      ],
      ['parallelRun: { ignore: [{ output: stack.x }] }', /needs a written reason/],
      ['bscReferences: []', /bscReferences must name at least one/],
    ]
    for (const [extra, expected] of cases) {
      const text = extra.startsWith('bscReferences')
        ? base.replace('bscReferences: [x]\n', `${extra}\n`)
        : `${base}${extra}\n`
      assert.match(problemsOf(text, 'p1').join('; '), expected, extra)
    }
  })

  test('a folder name is an id: [a-z0-9_]+ and never "baseline"', ({ assert }) => {
    const text = (id: string) =>
      `id: ${id}\nversion: 1\ntitle: T\nbscReferences: [x]\nmode: production\n`
    assert.deepEqual(problemsOf(text('p375_2'), 'p375_2'), [])
    assert.match(problemsOf(text('baseline'), 'baseline').join(), /not a plugin id/)
    assert.match(problemsOf(text('P375'), 'P375').join(), /not a plugin id/)
  })

  test('YAML that does not parse, or is not a mapping, is a rejection too', ({ assert }) => {
    assert.match(problemsOf('id: [unclosed', 'p1').join(), /not valid YAML/)
    assert.match(problemsOf('- a list', 'p1').join(), /must be a mapping/)
  })
})
