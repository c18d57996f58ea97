import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { importDatasetFile } from '#insights/actions/import_dataset_file'
import { readEvents } from './helpers/sse.js'

const feed = '/bmrs/api/v1/ext/push/FUELHH'

function fuelhh(date: string, period: number, mw: number) {
  return `settlementDate,settlementPeriod,fuelType,generation\n${date},${period},WIND,${mw}\n`
}

test.group('Push: SSE per dataset with resumable sequence numbers', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a client that reconnects with Last-Event-ID gets every later event once, in order', async ({
    assert,
  }) => {
    await importDatasetFile('FUELHH', fuelhh('2018-03-25', 1, 100), 'a.csv')
    await importDatasetFile('FUELHH', fuelhh('2018-03-25', 2, 200), 'b.csv')
    const first = await readEvents(`${feed}?since=0`, 2)
    assert.deepEqual(
      first.map((e) => e.id),
      ['1', '2']
    )
    assert.deepInclude(JSON.parse(first[0].data!), {
      dataset: 'FUELHH',
      seq: 1,
      kind: 'data',
      days: ['2018-03-25'],
      rows: 1,
      source: 'import',
      file: 'a.csv',
    })

    // Disconnected: two more changes land.
    await importDatasetFile('FUELHH', fuelhh('2018-03-26', 1, 300), 'c.csv')
    await importDatasetFile('FUELHH', fuelhh('2018-03-26', 2, 400), 'd.csv')

    const resumed = readEvents(feed, 3, { 'Last-Event-ID': first.at(-1)!.id! })
    // One more while the client is connected: it arrives live.
    setTimeout(() => importDatasetFile('FUELHH', fuelhh('2018-03-27', 1, 500), 'e.csv'), 300)
    const events = await resumed
    assert.deepEqual(
      events.map((e) => e.id),
      ['3', '4', '5']
    )
    assert.deepEqual(
      events.map((e) => JSON.parse(e.data!).file),
      ['c.csv', 'd.csv', 'e.csv']
    )
  })

  test('without a resume point only new events come; other datasets do not leak in', async ({
    assert,
  }) => {
    await importDatasetFile('FUELHH', fuelhh('2018-03-25', 1, 100), 'old.csv')
    const live = readEvents(feed, 1)
    setTimeout(async () => {
      await importDatasetFile(
        'INDO',
        'settlementDate,settlementPeriod,initialDemandOutturn\n2018-03-25,1,25000\n',
        'indo.csv'
      )
      await importDatasetFile('FUELHH', fuelhh('2018-03-25', 2, 200), 'new.csv')
    }, 300)
    const events = await live
    assert.deepEqual(
      events.map((e) => [e.id, JSON.parse(e.data!).file]),
      [['2', 'new.csv']]
    )
  })
})
