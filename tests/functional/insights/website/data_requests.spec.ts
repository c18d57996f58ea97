import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { parseCsv } from '#core/csv/csv'
import { importDatasetFile } from '#insights/index'
import { parseDataRequest } from '#insights/website/requests/data_request'
import { dataRequestChunks } from '#insights/website/requests/data_request_stream'
import { realDays } from '../helpers/real_data.js'
import { AUTUMN, SPRING, seedGeneration, seedRuns } from './seed.js'

const FUELHH_DAYS = ['2018-01-01', '2018-01-02', '2018-01-03', '2018-01-04']

test.group('Insights website: self-serve data requests', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the form page offers the registry datasets with their filters and fields', async ({
    client,
    assert,
  }) => {
    const response = await client.get('/insights/requests').withInertia()
    response.assertInertiaComponent('insights/requests')
    const datasets = response.body().props.datasets
    const fuelhh = datasets.find((d: any) => d.code === 'FUELHH')
    assert.deepEqual(fuelhh.entity, { param: 'fuelType', label: 'Fuel types' })
    assert.include(fuelhh.fields, 'generation')
    const boav = datasets.find((d: any) => d.code === 'BOAV')
    assert.deepInclude(boav, { runVersioned: true, sides: ['bid', 'offer'] })
    assert.notInclude(
      datasets.map((d: any) => d.code),
      'REMIT'
    )
  })

  test('check answers 422 with messages by field; the direct URL answers 400', async ({
    client,
    assert,
  }) => {
    const cases: [Record<string, string>, string[]][] = [
      [{ dataset: 'FUELHH', from: '2018-02-01', to: '2018-01-01' }, ['to']],
      [{ dataset: 'FUELHH', from: '2017-01-01', to: '2018-12-31' }, ['to']],
      [{ dataset: 'NOPE', from: '2018-01-01', to: '2018-01-02' }, ['dataset']],
      [
        { dataset: 'FUELHH', from: '2018-01-01', to: '2018-01-02', fields: 'generation,colour' },
        ['fields'],
      ],
      [
        { dataset: 'FUELHH', from: '2018-01-01', to: '2018-01-02', fuelType: 'COAL,PEAT' },
        ['fuelType'],
      ],
      [
        { dataset: 'FUELHH', from: '2018-01-01', to: '2018-01-02', runType: 'SF', side: 'bid' },
        ['runType', 'side'],
      ],
      [
        { dataset: 'DISEBSP', to: '2018-01-02', format: 'pdf', bmUnit: 'T_X' },
        ['from', 'format', 'bmUnit'],
      ],
    ]
    for (const [query, fields] of cases) {
      const check = await client.get('/insights/requests/check').qs(query)
      check.assertStatus(422)
      assert.sameMembers(Object.keys(check.body().errors), fields, JSON.stringify(query))
      const direct = await client.get('/insights/requests/download').qs(query)
      direct.assertStatus(400)
      assert.sameMembers(Object.keys(direct.body().errors), fields)
    }
    const long = await client
      .get('/insights/requests/check')
      .qs({ dataset: 'FUELHH', from: '2017-01-01', to: '2018-12-31' })
    assert.include(long.body().errors.to[0], 'at most 366')
  })

  test('a valid request gives its download URL; CSV, JSON and XML hold the chosen rows and fields', async ({
    client,
    assert,
  }) => {
    await seedGeneration([SPRING])
    const check = await client.get('/insights/requests/check').qs({
      dataset: 'fuelhh',
      from: SPRING,
      to: SPRING,
      fuelType: 'wind,ccgt',
      fields: 'generation,fuelType,settlementPeriod',
      format: 'csv',
    })
    check.assertStatus(200)
    assert.equal(
      check.body().url,
      `/insights/requests/download?dataset=FUELHH&from=${SPRING}&to=${SPRING}&fuelType=WIND%2CCCGT&fields=settlementPeriod%2CfuelType%2Cgeneration&format=csv`
    )
    const csv = await client.get(check.body().url)
    csv.assertStatus(200)
    assert.equal(
      csv.header('content-disposition'),
      `attachment; filename="FUELHH_${SPRING}_${SPRING}.csv"`
    )
    const { header, records } = parseCsv(csv.text())
    assert.deepEqual(header, ['SettlementPeriod', 'FuelType', 'Generation'])
    assert.lengthOf(records, 46 * 2)
    assert.deepEqual(records[0].values, {
      SettlementPeriod: '1',
      FuelType: 'CCGT',
      Generation: '13374',
    })

    const json = await client.get(check.body().url.replace('format=csv', 'format=json'))
    assert.lengthOf(json.body(), 92)
    assert.deepEqual(Object.keys(json.body()[0]), ['settlementPeriod', 'fuelType', 'generation'])

    const xml = await client.get(check.body().url.replace('format=csv', 'format=xml'))
    assert.match(xml.header('content-type') ?? '', /^application\/xml/)
    assert.match(
      xml.text(),
      /^<\?xml version="1.0" encoding="utf-8"\?><response><item><settlementPeriod>1<\/settlementPeriod>/
    )
    assert.equal(xml.text().match(/<item>/g)!.length, 92)
  })

  test('run-versioned data comes from the latest run of each day, or the chosen run type', async ({
    client,
    assert,
  }) => {
    await seedRuns()
    const latest = await client.get('/insights/requests/download').qs({
      dataset: 'DISEBSP',
      from: AUTUMN,
      to: AUTUMN,
      format: 'json',
      fields: 'settlementPeriod,systemSellPrice',
    })
    assert.lengthOf(latest.body(), 50)
    assert.deepEqual(latest.body()[1], { settlementPeriod: 2, systemSellPrice: -12.5 })
    const sf = await client
      .get('/insights/requests/download')
      .qs({ dataset: 'DISEBSP', from: AUTUMN, to: AUTUMN, runType: 'SF', format: 'json' })
    assert.equal(sf.body()[1].systemSellPrice, 42)
    const offers = await client.get('/insights/requests/download').qs({
      dataset: 'ISPSTACK',
      from: AUTUMN,
      to: AUTUMN,
      side: 'offer',
      bmUnit: 'T_DRAXX-1',
      format: 'json',
    })
    assert.deepEqual(
      offers.body().map((row: any) => row.id),
      ['T_DRAXX-1']
    )
    const empty = await client
      .get('/insights/requests/download')
      .qs({ dataset: 'DISEBSP', from: SPRING, to: SPRING, format: 'json' })
    assert.deepEqual(empty.body(), [])
  })

  test('a download is streamed: chunked, and later days are read only as the response is consumed', async ({
    client,
    assert,
  }) => {
    await importDatasetFile('FUELHH', realDays('FUELHH_2018.csv', FUELHH_DAYS.slice(0, 3)), 'a.csv')
    const response = await client
      .get('/insights/requests/download')
      .qs({ dataset: 'FUELHH', from: FUELHH_DAYS[0], to: FUELHH_DAYS[3], format: 'csv' })
    response.assertStatus(200)
    assert.equal(response.header('transfer-encoding'), 'chunked')
    assert.isUndefined(response.header('content-length'))
    assert.lengthOf(parseCsv(response.text()).records, 3 * 48 * 15)

    // Pull the first chunks, then let the fourth day's data land before the stream reaches it.
    const { request } = parseDataRequest({
      dataset: 'FUELHH',
      from: FUELHH_DAYS[0],
      to: FUELHH_DAYS[3],
      format: 'json',
    })
    const chunks = dataRequestChunks(request!)
    const head: string[] = []
    for (let i = 0; i < 2; i++) {
      const next = await chunks.next()
      head.push(next.value as string)
    }
    assert.equal(head[0], '[')
    assert.include(head[1], FUELHH_DAYS[0])
    await importDatasetFile('FUELHH', realDays('FUELHH_2018.csv', [FUELHH_DAYS[3]]), 'b.csv')
    let rest = ''
    for await (const chunk of chunks) rest += chunk
    const rows = JSON.parse(head.join('') + rest)
    assert.lengthOf(rows, 4 * 48 * 15)
    assert.equal(rows.at(-1).settlementDate, FUELHH_DAYS[3])
  })
})
