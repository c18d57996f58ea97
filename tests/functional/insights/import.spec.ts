import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import ace from '@adonisjs/core/services/ace'
import db from '@adonisjs/lucid/services/db'
import { importDatasetFile, ImportRefused } from '#insights/actions/import_dataset_file'
import { ImportError } from '#insights/datasets/import_error'
import { contractErrors } from './helpers/contract.js'
import { PORTAL_2018, realDays } from './helpers/real_data.js'

const api = '/bmrs/api/v1'
const CLOCK_DAYS = ['2018-03-25', '2018-10-28']

async function rowCount(dataset: string): Promise<number> {
  const row = await db.from('insights_rows').where('dataset', dataset).count('* as n').first()
  return Number(row.n)
}

test.group('insights:import of the real 2018 files and of malformed files', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('B1770 prices and B1780 imbalance volumes merge into one system-price row per period', async ({
    client,
    assert,
  }) => {
    const prices = await importDatasetFile(
      'DISEBSP',
      realDays('B1770_2018.csv', CLOCK_DAYS),
      'B1770_2018.csv'
    )
    const volumes = await importDatasetFile(
      'DISEBSP',
      realDays('B1780_2018.csv', CLOCK_DAYS),
      'B1780_2018.csv'
    )
    assert.equal(prices.layout, 'elexondataportal-b1770-2018')
    assert.equal(volumes.layout, 'elexondataportal-b1780-2018')
    assert.equal(prices.rows, 96)

    const spring = await client.get(`${api}/balancing/settlement/system-prices/2018-03-25`)
    spring.assertStatus(200)
    assert.deepEqual(
      contractErrors('/balancing/settlement/system-prices/{settlementDate}', spring.body()),
      []
    )
    assert.lengthOf(spring.body().data, 46)
    assert.deepEqual(spring.body().metadata, { datasets: ['DISEBSP'] })
    // File row "2018-03-25 02:00:00+01:00,92.87296,..." is period 3 (01:00Z).
    assert.deepInclude(spring.body().data[2], {
      settlementPeriod: 3,
      startTime: '2018-03-25T01:00:00Z',
      systemSellPrice: 92.87296,
      systemBuyPrice: 92.87296,
    })
    assert.isNumber(spring.body().data[2].netImbalanceVolume)

    const autumn = await client
      .get(`${api}/balancing/settlement/system-prices/2018-10-28/50`)
      .qs({ format: 'csv' })
    autumn.assertStatus(200)
    const [header, line] = autumn.text().trim().split('\r\n')
    assert.isTrue(
      header.startsWith('SettlementDate,SettlementPeriod,StartTime,CreatedDateTime,SystemSellPrice')
    )
    assert.isTrue(line.startsWith('2018-10-28,50,2018-10-28T23:30:00Z,'))
  })

  test('the whole B1770 file imports: 365 days, 17,520 periods', async ({ assert }) => {
    const { readFileSync } = await import('node:fs')
    const result = await importDatasetFile(
      'DISEBSP',
      readFileSync(`${PORTAL_2018}/B1770_2018.csv`, 'utf8'),
      'B1770_2018.csv'
    )
    assert.lengthOf(result.days, 365)
    assert.equal(result.rows, 17_520)
    assert.equal(await rowCount('DISEBSP'), 17_520)
  })

  test('a malformed file names the line and field and writes nothing', async ({ assert }) => {
    const good = realDays('FUELHH_2018.csv', ['2018-03-25'])
    const lines = good.split('\n')
    lines[5] = lines[5].replace(/^([^,]+),(\d+)/, '$1,lots') // ccgt column of the 5th data row
    const error = await importDatasetFile('FUELHH', lines.join('\n'), 'bad.csv').catch((e) => e)
    assert.instanceOf(error, ImportError)
    assert.equal(error.line, 6)
    assert.equal(error.field, 'generation (column ccgt)')
    assert.match(error.message, /must be a number, got "lots"/)
    assert.equal(await rowCount('FUELHH'), 0)

    const periodError = await importDatasetFile(
      'FUELHH',
      'settlementDate,settlementPeriod,fuelType,generation\n2018-03-25,46,CCGT,1\n2018-03-25,47,CCGT,2\n',
      'api.csv'
    ).catch((e) => e)
    assert.equal(periodError.line, 3)
    assert.equal(periodError.field, 'settlementPeriod')
    assert.match(periodError.message, /between 1 and 46 on 2018-03-25/)

    const fuelError = await importDatasetFile(
      'FUELINST',
      JSON.stringify({
        data: [{ startTime: '2018-01-01T00:00:00Z', fuelType: 'SOLAR', generation: 1 }],
      }),
      'x.json'
    ).catch((e) => e)
    assert.equal(fuelError.field, 'fuelType')
    assert.match(fuelError.message, /not a known fuel type/)

    const jsonError = await importDatasetFile(
      'BOALF',
      '{"data": [\n {"timeFrom": "2018-01-01T00:00:00Z",\n "timeTo": "2018-01-01T00:30:00Z"\n "levelFrom": 1}]}',
      'x.json'
    ).catch((e) => e)
    assert.equal(jsonError.line, 4)
    assert.match(jsonError.message, /not valid JSON/)

    const recordError = await importDatasetFile(
      'BOALF',
      '[\n{"bmUnit": "T_A", "timeFrom": "2018-01-01T00:00:00Z", "timeTo": "2018-01-01T00:30:00Z", "levelFrom": 1, "levelTo": 1, "acceptanceNumber": 7, "acceptanceTime": "2018-01-01T00:00:00Z"},\n{"bmUnit": "T_A", "timeFrom": "2018-01-01T01:00:00Z", "timeTo": "2018-01-01T00:30:00Z", "levelFrom": 1, "levelTo": 1, "acceptanceNumber": 8, "acceptanceTime": "2018-01-01T00:00:00Z"}\n]',
      'x.json'
    ).catch((e) => e)
    assert.equal(recordError.line, 3)
    assert.equal(recordError.field, 'timeTo')
    assert.equal(await rowCount('BOALF'), 0)

    const conflict = await importDatasetFile(
      'FUELHH',
      'settlementDate,settlementPeriod,fuelType,generation\n2018-01-01,1,CCGT,1\n2018-01-01,1,CCGT,2\n',
      'dup.csv'
    ).catch((e) => e)
    assert.equal(conflict.line, 3)
    assert.match(conflict.message, /line 2 gives the same FUELHH row/)
  })

  test('unknown datasets and REMIT are refused before reading', async ({ assert }) => {
    await assert.rejects(
      () => importDatasetFile('NOPE', 'a,b\n', 'x.csv'),
      /unknown dataset "NOPE"/
    )
    const remit = await importDatasetFile('REMIT', '[]', 'x.json').catch((e) => e)
    assert.instanceOf(remit, ImportRefused)
  })

  test('node ace insights:import reports success and failure', async ({ assert }) => {
    const ok = await ace.exec('insights:import', [
      'DISEBSP',
      '../shared/data/real/bmrs-data-samples/B1770_2023-10-01.csv',
    ])
    assert.equal(ok.exitCode, 0)
    const row = await db.from('insights_rows').where('dataset', 'DISEBSP').first()
    assert.include(JSON.parse(row.payload), {
      settlementDate: '2023-10-01',
      settlementPeriod: 1,
      systemSellPrice: 97.26,
      systemBuyPrice: 97.26,
    })
    const bad = await ace.exec('insights:import', [
      'FUELHH',
      '../shared/data/real/bmrs-data-samples/B1770_2023-10-01.csv',
    ])
    assert.equal(bad.exitCode, 1)
  })
})
