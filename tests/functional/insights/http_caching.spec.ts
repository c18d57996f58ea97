import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { chooseEncoding } from '#insights/api/respond'
import { importDatasetFile } from '#insights/actions/import_dataset_file'
import { importFixture } from './helpers/fixtures.js'

const url = '/bmrs/api/v1/datasets/FUELINST'
const DAY = { settlementDateFrom: '2018-10-28', settlementDateTo: '2018-10-28' }

test.group('Insights API: validators, conditional requests, compression', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('an ETag sent back in If-None-Match gets a bodiless 304 until the data changes', async ({
    client,
    assert,
  }) => {
    await importFixture('FUELINST', 'fuelinst_2018-10-28.json')
    const first = await client.get(url).qs(DAY).header('accept-encoding', 'identity')
    first.assertStatus(200)
    const etag = first.header('etag') ?? ''
    assert.match(etag, /^"[\w-]{27}"$/)
    assert.equal(first.header('vary'), 'Accept-Encoding')

    const again = await client
      .get(url)
      .qs(DAY)
      .header('accept-encoding', 'identity')
      .header('if-none-match', etag)
    again.assertStatus(304)
    assert.equal(again.text(), '')
    assert.equal(again.header('etag'), etag)
    const listed = await client
      .get(url)
      .qs(DAY)
      .header('accept-encoding', 'identity')
      .header('if-none-match', `"other", W/${etag}`)
    listed.assertStatus(304)

    // New data for the day: the old validator no longer matches.
    await importDatasetFile(
      'FUELINST',
      JSON.stringify([{ startTime: '2018-10-28T12:00:00Z', fuelType: 'WIND', generation: 1234 }]),
      'late.json'
    )
    const changed = await client
      .get(url)
      .qs(DAY)
      .header('accept-encoding', 'identity')
      .header('if-none-match', etag)
    changed.assertStatus(200)
    assert.notEqual(changed.header('etag'), etag)
    assert.lengthOf(changed.body().data, first.body().data.length + 1)
  })

  test('bodies are compressed as the client accepts, each form with its own ETag', async ({
    client,
    assert,
  }) => {
    await importFixture('FUELINST', 'fuelinst_2018-10-28.json')
    const plain = await client.get(url).qs(DAY).header('accept-encoding', 'identity')
    assert.isUndefined(plain.header('content-encoding'))
    for (const encoding of ['gzip', 'br']) {
      const packed = await client.get(url).qs(DAY).header('accept-encoding', encoding)
      packed.assertStatus(200)
      assert.equal(packed.header('content-encoding'), encoding)
      assert.deepEqual(packed.body(), plain.body())
      assert.equal(
        packed.header('etag'),
        (plain.header('etag') ?? '').replace(/"$/, `-${encoding}"`)
      )
      // The compressed form's validator does not match the identity form, nor the other way round.
      const crossed = await client
        .get(url)
        .qs(DAY)
        .header('accept-encoding', 'identity')
        .header('if-none-match', packed.header('etag') ?? '')
      crossed.assertStatus(200)
    }
    // A body too small to gain from compression is sent as it is.
    const empty = await client
      .get(url)
      .qs({ settlementDateFrom: '2018-10-27', settlementDateTo: '2018-10-27' })
      .header('accept-encoding', 'gzip')
    assert.isUndefined(empty.header('content-encoding'))
    assert.deepEqual(empty.body(), { data: [] })
  })

  test('Accept-Encoding: brotli before gzip, q=0 refuses, unknown codings are ignored', ({
    assert,
  }) => {
    assert.equal(chooseEncoding('gzip, deflate, br'), 'br')
    assert.equal(chooseEncoding('gzip;q=0.5, br;q=0'), 'gzip')
    assert.equal(chooseEncoding(' GZIP '), 'gzip')
    assert.isNull(chooseEncoding('deflate, zstd'))
    assert.isNull(chooseEncoding('identity'))
    assert.isNull(chooseEncoding(undefined))
  })

  test('a write by another process (only the stored version changes) is never hidden by the cache', async ({
    client,
    assert,
  }) => {
    await importFixture('FUELINST', 'fuelinst_2018-10-28.json')
    const before = await client.get(url).qs(DAY)
    const count = before.body().data.length
    // What another process's import leaves behind: a new row and a higher day version.
    const [row] = await db
      .from('insights_rows')
      .where({ dataset: 'FUELINST', settlement_date: '2018-10-28' })
      .orderBy('id')
      .limit(1)
    const { id, ...copy } = row
    await db.table('insights_rows').insert({
      ...copy,
      entity: 'OTHER',
      row_key: `${row.start_time}|OTHER`,
      payload: JSON.stringify({ ...JSON.parse(row.payload), fuelType: 'OTHER' }),
    })
    await db
      .from('insights_dataset_days')
      .where({ dataset: 'FUELINST', day: '2018-10-28' })
      .increment('version', 1)
    const after = await client.get(url).qs(DAY)
    assert.lengthOf(after.body().data, count + 1)
    assert.notEqual(after.header('etag'), before.header('etag'))
  })
})
