import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { contractErrors } from './helpers/contract.js'
import { importFixture } from './helpers/fixtures.js'

const api = '/bmrs/api/v1'

test.group('/datasets/{FUELINST,BOALF,BOD,DISBSAD,NETBSAD} and /demand/outturn', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('FUELINST: 5-minute rows get their settlement period across the autumn clock change', async ({
    client,
    assert,
  }) => {
    await importFixture('FUELINST', 'fuelinst_2018-10-28.json')
    const response = await client
      .get(`${api}/datasets/FUELINST`)
      .qs({ settlementDateFrom: '2018-10-28', settlementDateTo: '2018-10-28', fuelType: ['CCGT'] })
    response.assertStatus(200)
    assert.deepEqual(contractErrors('/datasets/FUELINST', response.body()), [])
    const rows = response.body().data
    assert.lengthOf(rows, 36)
    // 01:00Z is local 01:00 GMT, the second 01:00 of the night: period 5, not 3.
    assert.deepInclude(
      rows.find((r: any) => r.startTime === '2018-10-28T01:00:00Z'),
      { settlementPeriod: 5, settlementDate: '2018-10-28', dataset: 'FUELINST' }
    )
    assert.deepInclude(
      rows.find((r: any) => r.startTime === '2018-10-27T23:00:00Z'),
      { settlementPeriod: 1 }
    )

    const stream = await client
      .get(`${api}/datasets/FUELINST/stream`)
      .qs({ settlementDateFrom: '2018-10-28', settlementPeriod: [5], fuelType: 'ps' })
    assert.deepEqual(contractErrors('/datasets/FUELINST/stream', stream.body()), [])
    assert.lengthOf(stream.body(), 6)
    assert.isTrue(stream.body().every((r: any) => r.fuelType === 'PS' && r.generation < 0))

    const byPublish = await client.get(`${api}/datasets/FUELINST`).qs({
      publishDateTimeFrom: '2018-10-28T01:00:00Z',
      publishDateTimeTo: '2018-10-28T01:10:00Z',
    })
    assert.sameMembers(
      [...new Set(byPublish.body().data.map((r: any) => r.publishTime))],
      ['2018-10-28T01:00:00Z', '2018-10-28T01:05:00Z', '2018-10-28T01:10:00Z']
    )
  })

  test('without a time range, the latest day holding data answers (any case of the code)', async ({
    client,
    assert,
  }) => {
    await importFixture('FUELINST', 'fuelinst_2018-10-28.json')
    await importFixture('BOALF', 'boalf_2018-03-25.json')
    const response = await client.get(`${api}/datasets/fuelinst`)
    response.assertStatus(200)
    assert.lengthOf(response.body().data, 180)
    assert.isTrue(response.body().data.every((r: any) => r.settlementDate === '2018-10-28'))
    const remit = await client
      .get(`${api}/datasets/remit`)
      .qs({ publishDateTimeFrom: '2023-01-01T00:00Z', publishDateTimeTo: '2023-01-02T00:00Z' })
    assert.deepEqual(remit.body(), { data: [] })
  })

  test('FUELINST csv and xml carry the same rows', async ({ client, assert }) => {
    await importFixture('FUELINST', 'fuelinst_2018-10-28.json')
    const query = {
      settlementDateFrom: '2018-10-28',
      settlementPeriod: [1],
      fuelType: ['WIND', 'CCGT'],
    }
    const csv = await client.get(`${api}/datasets/FUELINST`).qs({ ...query, format: 'csv' })
    csv.assertStatus(200)
    assert.match(csv.header('content-type') ?? '', /^text\/csv/)
    const lines = csv.text().trim().split('\r\n')
    assert.equal(
      lines[0],
      'Dataset,PublishTime,StartTime,SettlementDate,SettlementPeriod,FuelType,Generation'
    )
    assert.lengthOf(lines, 13)
    assert.equal(
      lines[1],
      'FUELINST,2018-10-27T23:05:00Z,2018-10-27T23:00:00Z,2018-10-28,1,CCGT,7000'
    )
    const xml = await client.get(`${api}/datasets/FUELINST`).qs({ ...query, format: 'xml' })
    assert.match(xml.header('content-type') ?? '', /^application\/xml/)
    assert.equal((xml.text().match(/<item>/g) ?? []).length, 12)
    assert.include(xml.text(), '<fuelType>WIND</fuelType>')
  })

  test('cursor pagination walks every row once, beside the contract envelope', async ({
    client,
    assert,
  }) => {
    await importFixture('FUELINST', 'fuelinst_2018-10-28.json')
    const seen: string[] = []
    let cursor: string | undefined
    let pages = 0
    do {
      const response = await client
        .get(`${api}/datasets/FUELINST`)
        .qs({ settlementDateFrom: '2018-10-28', limit: 70, ...(cursor ? { cursor } : {}) })
      response.assertStatus(200)
      assert.deepEqual(Object.keys(response.body()), ['data'])
      seen.push(...response.body().data.map((r: any) => `${r.startTime}/${r.fuelType}`))
      cursor = response.header('x-next-cursor')
      pages++
    } while (cursor)
    assert.equal(pages, 3)
    assert.lengthOf(seen, 180)
    assert.equal(new Set(seen).size, 180)
  })

  test('BOALF: derives settlement date and periods from timeFrom/timeTo on a 46-period day', async ({
    client,
    assert,
  }) => {
    await importFixture('BOALF', 'boalf_2018-03-25.json')
    const all = await client
      .get(`${api}/datasets/BOALF`)
      .qs({ from: '2018-03-25T00:00Z', to: '2018-03-25T23:00Z' })
    all.assertStatus(200)
    assert.deepEqual(contractErrors('/datasets/BOALF', all.body()), [])
    assert.lengthOf(all.body().data, 3)
    const late = all.body().data.find((r: any) => r.acceptanceNumber === 2002)
    assert.deepInclude(late, {
      settlementDate: '2018-03-25',
      settlementPeriodFrom: 46,
      settlementPeriodTo: 46,
      amendmentFlag: 'ORI',
      deemedBoFlag: false,
    })
    const second = all.body().data.find((r: any) => r.timeFrom === '2018-03-25T01:40:00Z')
    assert.deepInclude(second, { settlementPeriodFrom: 4, settlementPeriodTo: 4 })

    const byPeriod = await client.get(`${api}/datasets/BOALF/stream`).qs({
      from: '2018-03-25',
      to: '2018-03-25',
      settlementPeriodFrom: 4,
      settlementPeriodTo: 46,
      bmUnit: 'T_WBURB-3',
    })
    assert.deepEqual(contractErrors('/datasets/BOALF/stream', byPeriod.body()), [])
    assert.deepEqual(
      byPeriod.body().map((r: any) => r.acceptanceNumber),
      [2002]
    )

    const market = await client
      .get(`${api}/balancing/acceptances/all`)
      .qs({ settlementDate: '2018-03-25', settlementPeriod: 4 })
    market.assertStatus(200)
    assert.deepEqual(contractErrors('/balancing/acceptances/all', market.body()), [])
    // Acceptance 1001 runs from period 3 into 4: both its segments in force in period 4 count.
    assert.deepEqual(
      market.body().data.map((r: any) => r.timeFrom),
      ['2018-03-25T01:10:00Z', '2018-03-25T01:40:00Z']
    )
    assert.deepEqual(market.body().metadata, { datasets: ['BOALF'] })

    const unit = await client.get(`${api}/balancing/acceptances`).qs({
      bmUnit: 'T_DRAXX-1',
      from: '2018-03-25T00:00Z',
      to: '2018-03-26T00:00Z',
      format: 'csv',
    })
    assert.equal(
      unit.text().split('\r\n')[0],
      'SettlementDate,SettlementPeriodFrom,SettlementPeriodTo,TimeFrom,TimeTo,LevelFrom,LevelTo,NationalGridBmUnit,BmUnit,AcceptanceNumber,AcceptanceTime,DeemedBoFlag,SoFlag,StorFlag,RrFlag'
    )
  })

  test('BOD, DISBSAD (CSV with quoted commas, negative cost) and NETBSAD follow the contract', async ({
    client,
    assert,
  }) => {
    await importFixture('BOD', 'bod_2018-03-25.json')
    await importFixture('DISBSAD', 'disbsad_2018-10-28.csv')
    await importFixture('NETBSAD', 'netbsad_2018-10-28.json')
    const bod = await client
      .get(`${api}/datasets/BOD`)
      .qs({ from: '2018-03-25T01:00Z', to: '2018-03-25T01:00Z' })
    assert.deepEqual(contractErrors('/datasets/BOD', bod.body()), [])
    assert.deepEqual(
      bod.body().data.map((r: any) => r.pairId),
      [1, -1]
    )

    const disbsad = await client.get(`${api}/datasets/DISBSAD`).qs({
      from: '2018-10-28',
      to: '2018-10-28',
      settlementPeriodFrom: 49,
      settlementPeriodTo: 50,
    })
    disbsad.assertStatus(200)
    assert.deepEqual(contractErrors('/datasets/DISBSAD', disbsad.body()), [])
    assert.deepInclude(disbsad.body().data[1], {
      settlementPeriod: 50,
      cost: -420.5,
      volume: -12.25,
      partyId: 'Company, with comma',
      assetId: null,
      isTendered: null,
    })

    const netbsad = await client
      .get(`${api}/datasets/NETBSAD`)
      .qs({ from: '2018-10-28T23:00Z', to: '2018-10-29T00:00Z', format: 'xml' })
    assert.include(netbsad.text(), '<sellPricePriceAdjustment>0</sellPricePriceAdjustment>')
    const json = await client
      .get(`${api}/datasets/NETBSAD/stream`)
      .qs({ from: '2018-10-28T23:00Z', to: '2018-10-29T00:00Z' })
    assert.deepEqual(contractErrors('/datasets/NETBSAD/stream', json.body()), [])
    assert.deepInclude(json.body()[0], {
      settlementPeriod: 50,
      netSellPriceVolumeAdjustmentSystem: -10.5,
    })
  })

  test('demand outturn from a CSV with start times derived on a 46-period day', async ({
    client,
    assert,
  }) => {
    await importFixture('INDO', 'indo_2018-03-25.csv')
    const response = await client
      .get(`${api}/demand/outturn`)
      .qs({ settlementDateFrom: '2018-03-25', settlementDateTo: '2018-03-25' })
    response.assertStatus(200)
    assert.deepEqual(contractErrors('/demand/outturn', response.body()), [])
    assert.deepEqual(response.body().metadata, { datasets: ['INDO', 'ITSDO'] })
    assert.deepInclude(response.body().data[1], {
      settlementPeriod: 46,
      startTime: '2018-03-25T22:30:00Z',
      initialDemandOutturn: 24877,
    })
    const stream = await client
      .get(`${api}/demand/outturn/stream`)
      .qs({ settlementDateFrom: '2018-03-25', settlementPeriod: [46] })
    assert.deepEqual(contractErrors('/demand/outturn/stream', stream.body()), [])
    assert.lengthOf(stream.body(), 1)
  })

  test('generation summary down-samples FUELINST per settlement period', async ({
    client,
    assert,
  }) => {
    await importFixture('FUELINST', 'fuelinst_2018-10-28.json')
    const response = await client
      .get(`${api}/generation/outturn/summary`)
      .qs({ startTime: '2018-10-28T00:00:00Z', endTime: '2018-10-28T00:55:00Z' })
    response.assertStatus(200)
    assert.deepEqual(contractErrors('/generation/outturn/summary', response.body()), [])
    assert.deepEqual(
      response.body().map((p: any) => p.settlementPeriod),
      [3, 4]
    )
    const ps = response.body()[0].data.find((v: any) => v.fuelType === 'PS')
    assert.equal(ps.generation, 0)
    const withNegative = await client.get(`${api}/generation/outturn/summary`).qs({
      startTime: '2018-10-28T00:00:00Z',
      endTime: '2018-10-28T00:25:00Z',
      includeNegativeGeneration: true,
    })
    assert.isBelow(withNegative.body()[0].data.find((v: any) => v.fuelType === 'PS').generation, 0)
  })
})
