import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { realDays } from '../helpers/real_data.js'
import { SPRING, seedGeneration, seedImportedPrices } from './seed.js'

/** Mean and sum of the 2018 file's values for a date (the file is the oracle, not our code). */
function fileValues(file: string, column: number, date: string): number[] {
  return realDays(file, [date])
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => Number(line.split(',')[column]))
}
const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0)

test.group('Insights website: ad-hoc analysis', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('three series per day: prices and MW averaged, NIV summed, one axis per unit', async ({
    client,
    assert,
  }) => {
    await seedGeneration([SPRING])
    await seedImportedPrices([SPRING])
    const response = await client
      .get('/insights/analysis')
      .qs({ series: 'ssp,gen:WIND,niv', from: SPRING, to: SPRING, agg: 'day' })
      .withInertia()
    response.assertInertiaComponent('insights/analysis')
    const { chart, view } = response.body().props
    assert.deepEqual(view.series, ['ssp', 'gen:WIND', 'niv'])
    assert.deepEqual(
      chart.axes.map((axis: any) => axis.unit),
      ['£/MWh', 'MW', 'MWh']
    )
    assert.deepEqual(
      chart.series.map((series: any) => [series.key, series.axis, series.kind]),
      [
        ['ssp', 0, 'line'],
        ['gen:WIND', 1, 'line'],
        ['niv', 2, 'bar'],
      ]
    )
    assert.lengthOf(chart.rows, 1)
    const [row] = chart.rows
    assert.approximately(row.ssp, mean(fileValues('B1770_2018.csv', 1, SPRING)), 0.001)
    assert.approximately(row['gen:WIND'], mean(fileValues('FUELHH_2018.csv', 5, SPRING)), 0.001)
    assert.approximately(row.niv, sum(fileValues('B1780_2018.csv', 1, SPRING)), 0.001)
    assert.equal(fileValues('B1780_2018.csv', 1, SPRING).length, 46)
  })

  test('per settlement period keeps every period; per week buckets by Monday', async ({
    client,
    assert,
  }) => {
    await seedGeneration([SPRING, '2018-03-26'])
    const periods = await client
      .get('/insights/analysis')
      .qs({ series: 'gen:WIND,gen:CCGT', from: SPRING, to: SPRING, agg: 'period' })
      .withInertia()
    const chart = periods.body().props.chart
    assert.lengthOf(chart.rows, 46)
    assert.deepEqual(
      chart.axes.map((axis: any) => axis.unit),
      ['MW']
    )
    assert.equal(chart.rows[0]['gen:WIND'], fileValues('FUELHH_2018.csv', 5, SPRING)[0])

    const weeks = await client
      .get('/insights/analysis')
      .qs({ series: 'gen:WIND', from: SPRING, to: '2018-03-26', agg: 'week' })
      .withInertia()
    // 2018-03-25 is a Sunday: it closes the week of Monday 19 March; the 26th opens the next.
    assert.deepEqual(
      weeks.body().props.chart.rows.map((row: any) => row.weekCommencing),
      ['2018-03-19', '2018-03-26']
    )
  })

  test('the view is all in the URL: the same query gives the same chart', async ({
    client,
    assert,
  }) => {
    await seedGeneration([SPRING])
    await seedImportedPrices([SPRING])
    const query = { series: 'sbp,gen:NUCLEAR', from: SPRING, to: SPRING, agg: 'period' }
    const first = await client.get('/insights/analysis').qs(query).withInertia()
    const again = await client.get('/insights/analysis').qs(query).withInertia()
    assert.deepEqual(first.body().props.chart, again.body().props.chart)
    assert.deepEqual(first.body().props.view, { ...query, series: ['sbp', 'gen:NUCLEAR'] })
  })

  test('unknown series, too many series and too long ranges are reported', async ({
    client,
    assert,
  }) => {
    const response = await client
      .get('/insights/analysis')
      .qs({
        series: 'ssp,gen:WIND,niv,indo,bogus',
        from: '2018-01-01',
        to: '2018-03-01',
        agg: 'period',
      })
      .withInertia()
    const props = response.body().props
    assert.lengthOf(props.view.series, 3)
    assert.equal(props.view.from, props.view.to)
    const text = props.problems.join(' | ')
    assert.include(text, 'Unknown series bogus')
    assert.include(text, 'at most 3 series')
    assert.include(text, 'at most 31 are allowed')
  })
})
