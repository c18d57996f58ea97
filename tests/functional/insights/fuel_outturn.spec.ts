import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { importDatasetFile } from '#insights/actions/import_dataset_file'
import { contractErrors } from './helpers/contract.js'
import { realDays } from './helpers/real_data.js'

const CLOCK_CHANGE_DAYS = ['2018-03-25', '2018-10-28', '2018-10-29']

test.group('FUELHH from the 2018 file: import and /datasets/FUELHH', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('derives 46 and 50 periods on the clock-change days and serves them per the contract', async ({
    client,
    assert,
  }) => {
    const result = await importDatasetFile(
      'FUELHH',
      realDays('FUELHH_2018.csv', CLOCK_CHANGE_DAYS),
      'FUELHH_2018.csv'
    )
    assert.deepEqual(result.days, CLOCK_CHANGE_DAYS)
    assert.equal(result.layout, 'elexondataportal-fuelhh-2018')

    const spring = await client
      .get('/bmrs/api/v1/datasets/FUELHH')
      .qs({ settlementDateFrom: '2018-03-25', settlementDateTo: '2018-03-25', fuelType: 'CCGT' })
    spring.assertStatus(200)
    assert.deepEqual(contractErrors('/datasets/FUELHH', spring.body()), [])
    const periods = spring.body().data.map((row: any) => row.settlementPeriod)
    assert.deepEqual(
      periods,
      Array.from({ length: 46 }, (_, i) => i + 1)
    )
    // Local 02:00 BST is 01:00Z, period 3 (local 01:00-02:00 does not exist that day).
    assert.equal(spring.body().data[2].startTime, '2018-03-25T01:00:00Z')

    const autumn = await client
      .get('/bmrs/api/v1/datasets/FUELHH')
      .qs({ settlementDateFrom: '2018-10-28', settlementDateTo: '2018-10-28', fuelType: 'CCGT' })
    const rows = autumn.body().data
    assert.lengthOf(rows, 50)
    // Local 01:00 happens twice: 00:00Z (period 3, 6420 MW) and 01:00Z (period 5, 6750 MW).
    assert.deepInclude(rows[2], {
      settlementPeriod: 3,
      startTime: '2018-10-28T00:00:00Z',
      generation: 6420,
    })
    assert.deepInclude(rows[4], {
      settlementPeriod: 5,
      startTime: '2018-10-28T01:00:00Z',
      generation: 6750,
    })
  })
})
