import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { importFixture } from '../helpers/fixtures.js'
import {
  AUTUMN,
  SPRING,
  seedAll,
  seedBmUnits,
  seedDemand,
  seedGeneration,
  seedImportedPrices,
  seedRuns,
} from './seed.js'

test.group('Insights website: pages render server-side with their chart rows', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the overview lists the latest day held per dataset', async ({ client, assert }) => {
    await seedGeneration()
    const response = await client.get('/insights').withInertia()
    response.assertInertiaComponent('insights/index')
    const fuelhh = response.body().props.freshness.find((row: any) => row.dataset === 'FUELHH')
    assert.equal(fuelhh.latestDay, AUTUMN)
  })

  test('generation mix: every period of a 50-period day, stacked by fuel type with registry colours', async ({
    client,
    assert,
  }) => {
    await seedGeneration()
    const response = await client.get('/insights/generation').qs({ date: AUTUMN }).withInertia()
    response.assertStatus(200)
    response.assertInertiaComponent('insights/generation')
    const [day, mix] = response.body().props.charts
    assert.lengthOf(day.rows, 50)
    assert.deepEqual(
      day.rows.slice(2, 6).map((row: any) => row.localTime),
      ['01:00 BST', '01:30 BST', '01:00 GMT', '01:30 GMT']
    )
    assert.equal(day.rows[0].CCGT, 7204) // FUELHH_2018.csv, 2018-10-28 00:00:00+01:00
    const wind = day.series.find((series: any) => series.key === 'WIND')
    assert.deepInclude(wind, { kind: 'area', stack: 'generation', color: '#66bd63' })
    assert.equal(
      day.api[0].url,
      `/bmrs/api/v1/datasets/FUELHH?settlementDateFrom=${AUTUMN}&settlementDateTo=${AUTUMN}`
    )
    assert.deepEqual(day.datasets, ['FUELHH'])
    assert.equal(
      day.downloads.csv,
      `/insights/charts/generation-day/download?date=${AUTUMN}&source=FUELHH&format=csv`
    )

    assert.equal(mix.id, 'generation-mix')
    assert.deepEqual(
      mix.rows.map((row: any) => row.settlementDate),
      [AUTUMN]
    )

    const spring = await client.get('/insights/generation').qs({ date: SPRING }).withInertia()
    assert.lengthOf(spring.body().props.charts[0].rows, 46)
  })

  test('the page HTML carries the caption and the data table before any script runs', async ({
    client,
    assert,
  }) => {
    await seedGeneration()
    const response = await client.get('/insights/generation').qs({ date: SPRING })
    response.assertStatus(200)
    const html = response.text()
    assert.include(html, `Generation by fuel type on ${SPRING}`)
    assert.include(html, '46 settlement periods')
    assert.match(html, /<table class="data"/)
    assert.include(html, 'Download CSV')
  })

  test('FUELINST resolution plots 5-minute rows; an empty day says what is missing', async ({
    client,
    assert,
  }) => {
    await importFixture('FUELINST', 'fuelinst_2018-10-28.json')
    const response = await client
      .get('/insights/generation')
      .qs({ date: AUTUMN, source: 'FUELINST' })
      .withInertia()
    const [day] = response.body().props.charts
    assert.isAbove(day.rows.length, 0)
    assert.match(day.rows[0].localTime, /^\d{2}:\d{2}/)
    assert.equal(day.api[0].url.split('?')[0], '/bmrs/api/v1/datasets/FUELINST')

    const empty = await client.get('/insights/generation').qs({ date: '2018-05-01' }).withInertia()
    assert.equal(
      empty.body().props.charts[0].empty,
      'No FUELHH generation data for 2018-05-01 yet.'
    )
    assert.deepEqual(empty.body().props.charts[0].rows, [])
  })

  test('a query it cannot read is reported on the page, with defaults shown', async ({
    client,
    assert,
  }) => {
    await seedGeneration()
    const response = await client
      .get('/insights/generation')
      .qs({ date: '2018-13-45', source: 'HOURLY' })
      .withInertia()
    response.assertStatus(200)
    const props = response.body().props
    assert.lengthOf(props.problems, 2)
    assert.equal(props.view.date, AUTUMN)
    assert.equal(props.view.source, 'FUELHH')
  })

  test('system prices: imported prices with NIV on a 46-period day', async ({ client, assert }) => {
    await seedImportedPrices()
    const response = await client.get('/insights/system-prices').qs({ date: SPRING }).withInertia()
    response.assertInertiaComponent('insights/system_prices')
    const { chart, run } = response.body().props
    assert.lengthOf(chart.rows, 46)
    assert.equal(run.runType, 'imported')
    assert.isNumber(chart.rows[0].systemSellPrice)
    assert.isNumber(chart.rows[0].netImbalanceVolume)
    assert.deepEqual(
      chart.series.map((series: any) => [series.key, series.kind, series.axis]),
      [
        ['netImbalanceVolume', 'bar', 1],
        ['systemSellPrice', 'line', 0],
        ['systemBuyPrice', 'line', 0],
      ]
    )
    assert.deepEqual(
      chart.axes.map((axis: any) => axis.unit),
      ['£/MWh', 'MWh']
    )
  })

  test('system prices: the run type is selectable; a missing run is named', async ({
    client,
    assert,
  }) => {
    await seedRuns()
    const latest = await client.get('/insights/system-prices').qs({ date: AUTUMN }).withInertia()
    const props = latest.body().props
    assert.equal(props.run.runType, 'R1')
    assert.deepEqual(props.publishedRunTypes, ['SF', 'R1'])
    assert.lengthOf(props.chart.rows, 50)
    assert.equal(props.chart.rows[1].systemSellPrice, -12.5)

    const sf = await client
      .get('/insights/system-prices')
      .qs({ date: AUTUMN, runType: 'SF' })
      .withInertia()
    assert.equal(sf.body().props.chart.rows[1].systemSellPrice, 42)
    assert.equal(
      sf.body().props.chart.api[0].url,
      `/bmrs/api/v1/balancing/settlement/system-prices/${AUTUMN}?runType=SF`
    )

    const r3 = await client
      .get('/insights/system-prices')
      .qs({ date: AUTUMN, runType: 'R3' })
      .withInertia()
    assert.equal(r3.body().props.chart.empty, `No R3 settlement run yet for ${AUTUMN}.`)
    const none = await client
      .get('/insights/system-prices')
      .qs({ date: '2026-01-15' })
      .withInertia()
    assert.equal(none.body().props.chart.empty, 'No settlement run yet for 2026-01-15.')
    assert.isNull(none.body().props.run)
  })

  test('price stack: offers then bids with flags, final system price, both API calls', async ({
    client,
    assert,
  }) => {
    await seedRuns()
    const response = await client
      .get('/insights/stack')
      .qs({ date: AUTUMN, period: 1, runType: 'SF' })
      .withInertia()
    response.assertInertiaComponent('insights/stack')
    const { chart, systemPrice, periods } = response.body().props
    assert.equal(periods, 50)
    assert.equal(systemPrice.systemSellPrice, 41)
    assert.deepEqual(
      chart.rows.map((row: any) => [row.side, row.id, row.originalPrice, row.volume]),
      [
        ['offer', 'T_DRAXX-1', 41, 52.5],
        ['bid', 'T_WBURB-3', -70.3, -20],
      ]
    )
    assert.deepInclude(chart.rows[0], { soFlag: false, repricedIndicator: false })
    assert.deepEqual(
      chart.api.map((call: any) => call.url),
      [
        `/bmrs/api/v1/balancing/settlement/stack/all/bid/${AUTUMN}/1?runType=SF`,
        `/bmrs/api/v1/balancing/settlement/stack/all/offer/${AUTUMN}/1?runType=SF`,
      ]
    )
    const empty = await client.get('/insights/stack').qs({ date: AUTUMN, period: 7 }).withInertia()
    assert.match(empty.body().props.chart.empty, /stacks of period 7 on 2018-10-28 are empty/)
    const beyond = await client
      .get('/insights/stack')
      .qs({ date: SPRING, period: 47 })
      .withInertia()
    assert.lengthOf(beyond.body().props.problems, 1)
    assert.match(beyond.body().props.problems[0], /has 46 settlement periods/)
  })

  test('demand: INDO and ITSDO per period', async ({ client, assert }) => {
    await seedDemand()
    const response = await client.get('/insights/demand').qs({ date: SPRING }).withInertia()
    response.assertInertiaComponent('insights/demand')
    const { chart } = response.body().props
    assert.lengthOf(chart.rows, 46)
    assert.deepInclude(chart.rows[0], {
      initialDemandOutturn: 25120,
      initialTransmissionSystemDemandOutturn: 26110,
    })
    assert.isNull(chart.rows[1].initialDemandOutturn)
  })

  test('BM Units: search the reference data, then a unit with its series', async ({
    client,
    assert,
  }) => {
    await seedBmUnits()
    await seedRuns()
    const search = await client.get('/insights/bmunits').qs({ q: 'drax' }).withInertia()
    search.assertInertiaComponent('insights/bm_units/index')
    assert.deepEqual(
      search.body().props.results.map((unit: any) => unit.elexonBmUnit),
      ['T_DRAXX-1']
    )
    const byParty = await client.get('/insights/bmunits').qs({ q: 'EDF' }).withInertia()
    assert.deepEqual(
      byParty.body().props.results.map((unit: any) => unit.elexonBmUnit),
      ['T_WBURB-3']
    )
    const nothing = await client.get('/insights/bmunits').qs({ q: 'fuelType' }).withInertia()
    assert.deepEqual(nothing.body().props.results, [])

    const show = await client.get('/insights/bmunits/DRAXX-1').qs({ date: AUTUMN }).withInertia()
    show.assertInertiaComponent('insights/bm_units/show')
    const props = show.body().props
    assert.equal(props.bmUnit, 'T_DRAXX-1')
    assert.equal(props.unit.bmUnitName, 'Drax unit 1')
    assert.lengthOf(props.chart.rows, 50)
    assert.equal(props.chart.rows[0].cashflow, 52.5 * 46)
    assert.equal(
      props.chart.api[0].url,
      `/bmrs/api/v1/ext/bmunits/T_DRAXX-1/series?from=${AUTUMN}&to=${AUTUMN}`
    )
  })

  test('every page renders with the whole small market loaded', async ({ client }) => {
    await seedAll()
    for (const path of [
      '/insights',
      '/insights/generation',
      '/insights/system-prices',
      '/insights/stack',
      '/insights/demand',
      '/insights/bmunits?q=T_',
      '/insights/bmunits/T_WBURB-3',
      '/insights/analysis',
      '/insights/requests',
      '/insights/remit',
    ]) {
      const response = await client.get(path)
      response.assertStatus(200)
    }
  })
})
