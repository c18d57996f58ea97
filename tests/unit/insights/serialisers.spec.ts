import { test } from '@japa/runner'
import { findDataset } from '#insights/datasets/registry'
import { jsonEnvelope, renderPayloads, renderRows, toCsvBody } from '#insights/api/formats'
import { escapeXml, toXml } from '#insights/api/xml'
import { readJson, readSource } from '#insights/datasets/source_readers'
import { type ImportError } from '#insights/datasets/import_error'

test.group('Serialisers: JSON envelopes, CSV and XML', () => {
  test('JSON envelopes are assembled around stored row JSON', ({ assert }) => {
    const rows = '[{"a":1}]'
    assert.equal(jsonEnvelope(rows, { kind: 'data' }), '{"data":[{"a":1}]}')
    assert.equal(jsonEnvelope(rows, { kind: 'array' }), '[{"a":1}]')
    assert.deepEqual(JSON.parse(jsonEnvelope(rows, { kind: 'metadata', datasets: ['DISEBSP'] })), {
      data: [{ a: 1 }],
      metadata: { datasets: ['DISEBSP'] },
    })
    const body = renderPayloads(['{"x":"é"}'], { kind: 'data' }, 'json', [])
    assert.equal(body.body.toString('utf8'), '{"data":[{"x":"é"}]}')
    assert.match(body.contentType, /application\/json; charset=utf-8/)
  })

  test('CSV: PascalCase headers, quoting, nulls, object members and lists', ({ assert }) => {
    const fields = findDataset('DISPTAV')!.fields
    const csv = toCsvBody(fields, [
      {
        bmUnit: 'T_A,"B"',
        leadPartyName: null,
        pairVolumes: { negative1: -1.5 },
        totalVolumeAccepted: 0,
      },
    ])
    const [header, line] = csv.split('\r\n')
    assert.isTrue(
      header.startsWith(
        'CreatedDateTime,SettlementDate,SettlementPeriod,StartTime,BmUnit,BmUnitType,LeadPartyName'
      )
    )
    assert.include(header, 'PairVolumes.Negative1,PairVolumes.Positive1')
    assert.include(line, ',"T_A,""B""",,,')
    assert.include(line, ',0,-1.5,')
    const remit = toCsvBody(findDataset('REMIT')!.fields, [{ outageProfile: [{ capacity: 1 }] }])
    assert.include(remit, '"[{""capacity"":1}]"')
  })

  test('XML: escaped text, nil for null, lists as items, metadata kept', ({ assert }) => {
    assert.equal(escapeXml(`<a & "b">'`), '&lt;a &amp; &quot;b&quot;&gt;&apos;')
    const xml = toXml({
      data: [{ name: 'A&B', value: null, nested: { n: 1 }, list: [1, 2] }],
      metadata: { datasets: ['X'] },
    })
    assert.equal(
      xml,
      '<?xml version="1.0" encoding="utf-8"?><response><data><item><name>A&amp;B</name><value nil="true"/><nested><n>1</n></nested><list><item>1</item><item>2</item></list></item></data><metadata><datasets><item>X</item></datasets></metadata></response>\n'
    )
    const body = renderRows(['CCGT'], { kind: 'array' }, 'xml', [])
    assert.include(body.body.toString(), '<response><item>CCGT</item></response>')
  })
})

test.group('Source readers: line numbers and layouts', () => {
  test('JSON records carry the line they start on, in both envelopes', ({ assert }) => {
    const records = readJson(
      '{\n  "data": [\n    {"a": 1},\n\n    {"a": "x,]}"}\n  ],\n  "other": [9]\n}'
    )
    assert.deepEqual(
      records.map((r) => r.line),
      [3, 5]
    )
    assert.deepEqual(
      readJson('[{"a":1},\n{"a":2}]').map((r) => r.line),
      [1, 2]
    )
    assert.throws(
      () => readJson('[1]'),
      /line 1, field \(record 1\): each record must be a JSON object/
    )
    assert.throws(() => readJson('{"rows": []}'), /expected \{"data"/)
  })

  test('CSV with Elexon headers maps to fields; unknown columns are errors on line 1', ({
    assert,
  }) => {
    const definition = findDataset('FUELHH')!
    const { records } = readSource(
      definition,
      'SettlementDate,SettlementPeriod,FuelType,Generation\r\n2018-03-25,1,CCGT,5\r\n'
    )
    assert.deepEqual(records[0], {
      line: 2,
      values: {
        settlementDate: '2018-03-25',
        settlementPeriod: '1',
        fuelType: 'CCGT',
        generation: '5',
      },
    })
    const error = (() => {
      try {
        readSource(definition, 'SettlementDate,Colour\n2018-03-25,red\n')
      } catch (e) {
        return e as ImportError
      }
    })()
    assert.equal(error!.field, 'Colour')
    assert.equal(error!.line, 1)
  })

  test('layouts: the 2018 pivot, offsets to UTC, and the legacy BMRS format', ({ assert }) => {
    const fuelhh = readSource(
      findDataset('FUELHH')!,
      'local_datetime,ccgt,nuclear\n2018-10-28 01:00:00+00:00,6750,5621\n,1,2\n'
    )
    assert.equal(fuelhh.layout, 'elexondataportal-fuelhh-2018')
    assert.deepEqual(fuelhh.records, [
      {
        line: 2,
        column: 'ccgt',
        values: { startTime: '2018-10-28T01:00:00Z', fuelType: 'CCGT', generation: '6750' },
      },
      {
        line: 2,
        column: 'nuclear',
        values: { startTime: '2018-10-28T01:00:00Z', fuelType: 'NUCLEAR', generation: '5621' },
      },
    ])
    assert.throws(
      () =>
        readSource(
          findDataset('FUELHH')!,
          'local_datetime,ccgt,nuclear\n2018-10-28 01:00:00,1,2\n'
        ),
      /line 2, field local_datetime: must be a local date-time with its UTC offset/
    )
    const legacy = readSource(
      findDataset('DISEBSP')!,
      '*\n*Title\n*SettlementDate,SettlementPeriod,PriceCategory,ImbalancePriceAmount\n2023-11-03,1,Excess balance,-25.85\n<EOF>'
    )
    assert.equal(legacy.layout, 'bmrs-legacy-b1770')
    assert.deepEqual(legacy.records, [
      {
        line: 4,
        values: { settlementDate: '2023-11-03', settlementPeriod: '1', systemSellPrice: '-25.85' },
      },
    ])
  })
})
