import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { test } from '@japa/runner'
import {
  applyParameterDeltas,
  loadParameterCatalogue,
  parametersOn,
  ParameterError,
} from '#rules_runtime/parameters'

const BASELINE = fileURLToPath(new URL('../../../rules/baseline/parameters/', import.meta.url))

function catalogueOf(files: Record<string, string>) {
  const dir = mkdtempSync(join(tmpdir(), 'params-'))
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true })
    writeFileSync(join(dir, path), text)
  }
  try {
    return loadParameterCatalogue(dir)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

const file = (name: string, values: string, extra = '') =>
  `name: ${name}\nunit: MWh\nreference: BSC Section T\ndescription: test\n${extra}values:\n${values}`

test.group('rules_runtime/parameters: the baseline catalogue', () => {
  const catalogue = loadParameterCatalogue(BASELINE)

  test('the §7.3 timeline: value in force on each settlement date', ({ assert }) => {
    const on = (date: string, name: string) => parametersOn(catalogue, date).values[name]
    assert.isUndefined(on('2006-11-01', 'par_volume'))
    assert.equal(on('2006-11-02', 'par_volume'), 500)
    assert.equal(on('2015-11-04', 'par_volume'), 500)
    assert.equal(on('2015-11-05', 'par_volume'), 50)
    assert.equal(on('2018-10-31', 'par_volume'), 50)
    assert.equal(on('2018-11-01', 'par_volume'), 1)
    assert.equal(on('2015-11-04', 'rpar_volume'), 100)
    assert.equal(on('2015-11-05', 'rpar_volume'), 1)
    assert.equal(on('2019-03-31', 'dmat_volume'), 1)
    assert.equal(on('2019-04-01', 'dmat_volume'), 0.1)
    assert.equal(on('2019-03-31', 'cadl_minutes'), 15)
    assert.equal(on('2019-04-01', 'cadl_minutes'), 10)
    assert.isUndefined(on('2015-11-04', 'voll'))
    assert.equal(on('2015-11-05', 'voll'), 3000)
    assert.equal(on('2018-11-01', 'voll'), 6000)
    assert.equal(on('2015-11-04', 'single_imbalance_price'), false)
    assert.equal(on('2015-11-05', 'single_imbalance_price'), true)
    assert.equal(on('2018-03-31', 'zonal_tlf'), false)
    assert.equal(on('2018-04-01', 'zonal_tlf'), true)
  })

  test('the §4.8 decisions are parameters with their defaults', ({ assert }) => {
    const { values } = parametersOn(catalogue, '2024-06-12')
    assert.containsSubset(values, {
      alpha_delivering_losses: 0.45,
      information_imbalance_price_1: 0,
      information_imbalance_price_2: 0,
      cadl_chaining: false,
      non_delivery_order: 'highest_offer_first',
      qabs_loss_adjusted: true,
      mvrn_percentage_base: 'after_fixed',
      dmat_grouping: 'item',
      settlement_period_minutes: 30,
      lolp_source: 'input',
    })
  })

  test('sources say where each value came from', ({ assert }) => {
    const { sources } = parametersOn(catalogue, '2024-06-12')
    assert.deepEqual(sources.dmat_volume, {
      value: 0.1,
      effectiveFrom: '2019-04-01',
      unit: 'MWh',
      reference: catalogue.parameters.dmat_volume.reference,
      file: join('imbalance_price', 'dmat_volume.yaml'),
    })
  })

  test('a date that is not yyyy-MM-dd is refused', ({ assert }) => {
    assert.throws(() => parametersOn(catalogue, '12/06/2024'), /not yyyy-MM-dd/)
  })
})

test.group('rules_runtime/parameters: validation', () => {
  const cases: [string, Record<string, string>, RegExp][] = [
    [
      'unknown field',
      { 'a/x.yaml': file('x', "  '2020-01-01': 1\n", 'colour: red\n') },
      /a\/x\.yaml \[colour\]: unknown field/,
    ],
    [
      'dates out of order',
      { 'a/x.yaml': file('x', "  '2020-01-01': 1\n  '2019-01-01': 2\n") },
      /\[values\.2019-01-01\]: dates must ascend/,
    ],
    [
      'impossible date',
      { 'a/x.yaml': file('x', "  '2023-02-30': 1\n") },
      /\[values\.2023-02-30\]: date must be a real/,
    ],
    [
      'mixed types',
      { 'a/x.yaml': file('x', "  '2020-01-01': 1\n  '2021-01-01': 'two'\n") },
      /must be a number like the other values, got string/,
    ],
    [
      'name differs from the file',
      { 'a/x.yaml': file('y', "  '2020-01-01': 1\n") },
      /\[name\]: name "y" must match the file name/,
    ],
    [
      'value not allowed',
      { 'a/x.yaml': file('x', "  '2020-01-01': c\n", 'allowed: [a, b]\n') },
      /must be one of a, b/,
    ],
    [
      'defined twice',
      {
        'a/x.yaml': file('x', "  '2020-01-01': 1\n"),
        'b/x.yaml': file('x', "  '2020-01-01': 1\n"),
      },
      /defined twice/,
    ],
    ['not YAML', { 'a/x.yaml': 'name: [unclosed' }, /a\/x\.yaml: not valid YAML/],
    [
      'missing unit',
      { 'a/x.yaml': "name: x\nreference: r\ndescription: d\nvalues:\n  '2020-01-01': 1\n" },
      /\[unit\]: must be a non-empty string/,
    ],
    ['no values', { 'a/x.yaml': file('x', '  {}\n') }, /\[values\]: must map at least one/],
    [
      'null value',
      { 'a/x.yaml': file('x', "  '2020-01-01': ~\n") },
      /must be a finite number, a boolean or a non-empty string/,
    ],
  ]
  for (const [name, files, message] of cases) {
    test(`rejects a file with ${name}`, ({ assert }) => {
      assert.throws(() => catalogueOf(files), message)
    })
  }

  test('errors are ParameterErrors naming file and key', ({ assert }) => {
    try {
      catalogueOf({ 'a/x.yaml': file('x', "  '2020-01-01': 1\n  '2019-01-01': 2\n") })
      assert.fail('expected an error')
    } catch (error) {
      assert.instanceOf(error, ParameterError)
      assert.equal((error as ParameterError).file, join('a', 'x.yaml'))
      assert.equal((error as ParameterError).key, 'values.2019-01-01')
    }
  })
})

test.group('rules_runtime/parameters: plugin deltas', () => {
  const catalogue = loadParameterCatalogue(BASELINE)

  test('change a value from a date, without touching the original catalogue', ({ assert }) => {
    const changed = applyParameterDeltas(catalogue, [
      {
        name: 'par_volume',
        values: { '2030-01-01': 5, '2018-11-01': 2 },
        source: 'p999/parameters/par.yaml',
      },
    ])
    assert.equal(parametersOn(changed, '2029-12-31').values.par_volume, 2)
    assert.equal(parametersOn(changed, '2030-01-01').values.par_volume, 5)
    assert.equal(
      parametersOn(changed, '2030-01-01').sources.par_volume.file,
      'p999/parameters/par.yaml'
    )
    assert.equal(parametersOn(catalogue, '2030-01-01').values.par_volume, 1)
    assert.equal(parametersOn(changed, '2016-01-01').values.par_volume, 50)
  })

  test('a new parameter needs unit and reference; types and allowed values are kept', ({
    assert,
  }) => {
    assert.throws(
      () => applyParameterDeltas(catalogue, [{ name: 'new_one', values: { '2030-01-01': 1 } }]),
      /needs unit and reference/
    )
    const added = applyParameterDeltas(catalogue, [
      { name: 'new_one', values: { '2030-01-01': 1 }, unit: 'MWh', reference: 'P999' },
    ])
    assert.equal(parametersOn(added, '2030-06-01').values.new_one, 1)
    assert.throws(
      () =>
        applyParameterDeltas(catalogue, [{ name: 'dmat_volume', values: { '2030-01-01': 'big' } }]),
      /must be a number like the other values/
    )
    assert.throws(
      () =>
        applyParameterDeltas(catalogue, [
          { name: 'non_delivery_order', values: { '2030-01-01': 'random' } },
        ]),
      /must be one of/
    )
    assert.throws(
      () => applyParameterDeltas(catalogue, [{ name: 'dmat_volume', values: { '2030-13-01': 1 } }]),
      /real yyyy-MM-dd/
    )
  })
})
