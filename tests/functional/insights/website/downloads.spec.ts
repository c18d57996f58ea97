import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { parseCsv } from '#core/csv/csv'
import { AUTUMN, SPRING, seedAll } from './seed.js'

/** The chart a page plots, fetched as Inertia props. */
async function pageChart(client: any, path: string, query: Record<string, unknown>, index = 0) {
  const response = await client.get(path).qs(query).withInertia()
  response.assertStatus(200)
  const props = response.body().props
  return props.charts ? props.charts[index] : props.chart
}

const CASES: [string, Record<string, unknown>, number?][] = [
  ['/insights/generation', { date: AUTUMN }],
  ['/insights/generation', { date: AUTUMN, days: 220 }, 1],
  ['/insights/system-prices', { date: SPRING }],
  ['/insights/system-prices', { date: AUTUMN, runType: 'SF' }],
  ['/insights/stack', { date: AUTUMN, period: 1 }],
  ['/insights/demand', { date: SPRING }],
  ['/insights/bmunits/T_DRAXX-1', { date: AUTUMN }],
  ['/insights/analysis', { series: 'ssp,gen:WIND,niv', from: SPRING, to: AUTUMN, agg: 'week' }],
]

test.group('Insights website: "download what you see"', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('JSON and CSV downloads hold exactly the rows each chart plots', async ({
    client,
    assert,
  }) => {
    await seedAll()
    for (const [path, query, index] of CASES) {
      const chart = await pageChart(client, path, query, index)
      assert.isAbove(chart.rows.length, 0, `${path} plots nothing`)

      const json = await client.get(chart.downloads.json)
      json.assertStatus(200)
      assert.match(
        json.header('content-disposition') ?? '',
        /^attachment; filename="[\w.-]+\.json"$/
      )
      assert.deepEqual(json.body().data, chart.rows, `${path} JSON`)
      assert.deepEqual(json.body().columns, chart.columns)

      const csv = await client.get(chart.downloads.csv)
      csv.assertStatus(200)
      assert.match(csv.header('content-type') ?? '', /^text\/csv/)
      const { header, records } = parseCsv(csv.text())
      const keys = chart.columns.map((column: any) => column.key)
      assert.deepEqual(header, keys, `${path} CSV header`)
      assert.lengthOf(records, chart.rows.length)
      records.forEach((record, i) => {
        for (const key of keys) {
          const value = chart.rows[i][key]
          assert.equal(
            record.values[key],
            value === null ? '' : String(value),
            `${path} row ${i} ${key}`
          )
        }
      })
    }
  })

  test('a bad download query answers 400 naming the parameter; an unknown chart 404', async ({
    client,
    assert,
  }) => {
    const bad = await client
      .get('/insights/charts/system-prices/download')
      .qs({ date: '2018-02-30', runType: 'XX', format: 'pdf' })
    bad.assertStatus(400)
    assert.sameMembers(Object.keys(bad.body().errors), ['date', 'runType', 'format'])
    const unknown = await client.get('/insights/charts/nope/download')
    unknown.assertStatus(404)
  })
})
