import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { importDatasetFile } from '#insights/actions/import_dataset_file'
import { importFixture } from './helpers/fixtures.js'
import { realDays } from './helpers/real_data.js'

const api = '/bmrs/api/v1/ext'

test.group('Extensions: completeness and chart series', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('completeness counts each day on its own length, and finds the gaps of 2018-12-31', async ({
    client,
    assert,
  }) => {
    await importDatasetFile(
      'FUELHH',
      realDays('FUELHH_2018.csv', ['2018-03-25', '2018-10-28', '2018-12-31']),
      'FUELHH_2018.csv'
    )
    const response = await client
      .get(`${api}/completeness`)
      .qs({ dataset: 'FUELHH', from: '2018-03-24', to: '2018-03-25' })
    response.assertStatus(200)
    const [before, spring] = response.body().data
    assert.deepInclude(before, {
      settlementDate: '2018-03-24',
      periodsInDay: 48,
      presentSlots: 0,
      complete: false,
    })
    assert.lengthOf(before.missingPeriods, 48)
    assert.deepInclude(spring, {
      periodsInDay: 46,
      expectedSlots: 46,
      presentSlots: 46,
      complete: true,
      missingPeriods: [],
    })
    assert.equal(spring.rowCount, 46 * 15)

    const autumn = await client
      .get(`${api}/completeness`)
      .qs({ dataset: 'FUELHH', from: '2018-10-28' })
    assert.deepInclude(autumn.body().data[0], {
      periodsInDay: 50,
      presentSlots: 50,
      complete: true,
    })
    const newYearsEve = await client
      .get(`${api}/completeness`)
      .qs({ dataset: 'FUELHH', from: '2018-12-31' })
    assert.deepInclude(newYearsEve.body().data[0], { presentSlots: 1, complete: false })
    assert.lengthOf(newYearsEve.body().data[0].missingPeriods, 47)
  })

  test('FUELINST completeness counts 5-minute slots (300 on a 50-period day)', async ({
    client,
    assert,
  }) => {
    await importFixture('FUELINST', 'fuelinst_2018-10-28.json')
    const response = await client
      .get(`${api}/completeness`)
      .qs({ dataset: 'FUELINST', from: '2018-10-28' })
    assert.deepInclude(response.body().data[0], {
      expectedSlots: 300,
      presentSlots: 36,
      complete: false,
    })
    assert.deepEqual(response.body().data[0].missingPeriods.slice(0, 2), [7, 8])
  })

  test('generation mix per day and the system price + NIV series from the 2018 files', async ({
    client,
    assert,
  }) => {
    await importDatasetFile(
      'FUELHH',
      realDays('FUELHH_2018.csv', ['2018-03-25']),
      'FUELHH_2018.csv'
    )
    await importDatasetFile('DISEBSP', realDays('B1770_2018.csv', ['2018-03-25']), 'B1770_2018.csv')
    await importDatasetFile('DISEBSP', realDays('B1780_2018.csv', ['2018-03-25']), 'B1780_2018.csv')
    const mix = await client.get(`${api}/generation/mix`).qs({ from: '2018-03-25' })
    mix.assertStatus(200)
    const rows = mix.body().data
    assert.lengthOf(rows, 15)
    const shares = rows.reduce((sum: number, r: any) => sum + r.share, 0)
    assert.closeTo(shares, 1, 1e-5)
    assert.isTrue(rows.every((r: any) => r.periods === 46))

    const series = await client.get(`${api}/system-prices/series`).qs({ from: '2018-03-25' })
    assert.lengthOf(series.body().data, 46)
    assert.deepInclude(series.body().data[2], { settlementPeriod: 3, systemSellPrice: 92.87296 })
    assert.isNumber(series.body().data[2].netImbalanceVolume)
  })
})
