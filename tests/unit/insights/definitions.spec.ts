import { test } from '@japa/runner'
import { DefinitionError } from '#insights/datasets/definition'
import { parseDefinition } from '#insights/datasets/definition_parser'
import { loadRegistry } from '#insights/datasets/registry'

const minimal = () => ({
  code: 'TESTDS',
  title: 'Test dataset',
  contractSchema: 'Some.Schema',
  source: { kind: 'ingest' },
  time: { family: 'settlementPeriod', date: 'settlementDate', period: 'settlementPeriod' },
  keys: ['settlementDate', 'settlementPeriod'],
  fields: [
    { name: 'settlementDate', type: 'date' },
    { name: 'settlementPeriod', type: 'int32' },
    { name: 'value', type: 'double', nullable: true },
  ],
})

test.group('Dataset definitions', () => {
  test('every shipped definition, layout, fuel type and run type loads and validates', ({
    assert,
  }) => {
    const registry = loadRegistry()
    assert.includeMembers(
      [...registry.datasets.keys()],
      [
        'FUELINST',
        'FUELHH',
        'INDO',
        'DISEBSP',
        'ISPSTACK',
        'DISPTAV',
        'EBOCF',
        'BOAV',
        'BOALF',
        'BOD',
        'DISBSAD',
        'NETBSAD',
        'BMUNITS',
        'REMIT',
      ]
    )
    assert.equal(registry.datasets.get('FUELINST')!.time.family, 'instant')
    assert.equal(registry.datasets.get('BOALF')!.time.family, 'event')
    assert.equal(registry.datasets.get('DISEBSP')!.source.kind, 'settlement')
    assert.deepEqual(registry.layouts.map((l) => l.dataset).sort(), [
      'DISEBSP',
      'DISEBSP',
      'DISEBSP',
      'FUELHH',
    ])
    assert.isTrue(registry.fuelTypes.get('INTNEM')!.interconnector)
    assert.isFalse(registry.fuelTypes.get('BATTERY')!.outturn)
    assert.deepEqual(registry.runTypes, ['II', 'SF', 'R1', 'R2', 'R3', 'RF', 'DF'])
  })

  test('a well-formed definition parses with defaults', ({ assert }) => {
    const definition = parseDefinition(minimal(), 'test.yaml')
    assert.equal(definition.time.periodMinutes, 30)
    assert.deepEqual(definition.api.formats, ['json', 'xml', 'csv'])
    assert.isFalse(definition.fields[0].nullable)
  })

  test('mistakes are rejected with the file and place named', ({ assert }) => {
    const broken: [(raw: any) => void, RegExp][] = [
      [(raw) => delete raw.code, /test\.yaml: code: is required/],
      [(raw) => (raw.code = 'lower'), /code: must be upper case/],
      [(raw) => (raw.fields[2].type = 'float'), /fields\[2\] \(value\): type must be one of/],
      [(raw) => raw.fields.push({ name: 'value', type: 'double' }), /field "value" appears twice/],
      [
        (raw) => (raw.keys = ['settlementDate', 'nope']),
        /keys\[1\]: names no field of this dataset: "nope"/,
      ],
      [
        (raw) => delete raw.time.period,
        /time\.period: is required for the settlementPeriod family/,
      ],
      [(raw) => (raw.time.family = 'weekly'), /time\.family: must be one of/],
      [(raw) => (raw.time.periodMinutes = 60), /time\.periodMinutes: must be 30, 15 or 5/],
      [(raw) => (raw.source.kind = 'magic'), /source\.kind/],
      [(raw) => (raw.keys = ['@side']), /sides: is required when keys use @side/],
      [
        (raw) => (raw.fields[2] = { name: 'pairs', type: 'object' }),
        /object fields need a "fields" list/,
      ],
      [
        (raw) => (raw.diff = { key: ['settlementPeriod'], values: ['missing'] }),
        /diff: names no field/,
      ],
    ]
    for (const [breakIt, message] of broken) {
      const raw = minimal()
      breakIt(raw)
      assert.throws(() => parseDefinition(raw, 'test.yaml'), message)
    }
    assert.throws(() => parseDefinition('nope', 'x.yaml'), DefinitionError)
  })
})
