import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import app from '@adonisjs/core/services/app'
import { readFileSync } from 'node:fs'
import { importDatasetFile } from '#insights/actions/import_dataset_file'
import { replicateBmUnit } from '#insights/actions/replicate_bm_unit'
import { contractErrors } from './helpers/contract.js'

const api = '/bmrs/api/v1'
const BMUS = app.makePath('../shared/data/real/elexondatafetcher-bmus/bmuMapping.json')

const registered = {
  elexonBmUnit: 'T_NEWCO-1',
  nationalGridBmUnit: 'NEWCO-1',
  bmUnitName: 'Newco 1',
  leadPartyId: 'NEWCO',
  leadPartyName: 'Newco Ltd',
  bmUnitType: 'T',
  gspGroupId: '_A',
  fuelType: 'BATTERY',
  generationCapacity: 49.9,
  demandCapacity: 49.9,
  productionOrConsumptionFlag: 'P' as const,
  fpnFlag: true,
  effectiveFrom: '2024-01-01',
  effectiveTo: null,
  tradingUnitId: null,
}

test.group('Reference data: BM Units and fuel types', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the real BM Unit extract (bare JSON array) and customer events feed /reference/bmunits/all', async ({
    client,
    assert,
  }) => {
    const result = await importDatasetFile('BMUNITS', readFileSync(BMUS, 'utf8'), 'bmuMapping.json')
    assert.equal(result.rows, 212)
    await replicateBmUnit(registered)
    const list = await client.get(`${api}/reference/bmunits/all`)
    list.assertStatus(200)
    assert.deepEqual(contractErrors('/reference/bmunits/all', list.body()), [])
    assert.lengthOf(list.body(), 213)
    assert.deepInclude(
      list.body().find((u: any) => u.elexonBmUnit === '2__NNATP001'),
      {
        nationalGridBmUnit: 'NNPW01',
        generationCapacity: '50.000',
        fuelType: 'WIND',
        creditQualifyingStatus: false,
      }
    )
    assert.deepInclude(
      list.body().find((u: any) => u.elexonBmUnit === 'T_NEWCO-1'),
      { leadPartyId: 'NEWCO', demandCapacity: '49.900', gspGroupId: '_A' }
    )

    await replicateBmUnit({
      ...registered,
      generationCapacity: 60,
      change: 'new_version',
      previousEffectiveTo: '2024-05-31',
    })
    const changed = await client.get(`${api}/reference/bmunits/all`).qs({ format: 'csv' })
    const line = changed
      .text()
      .split('\r\n')
      .find((l) => l.includes('T_NEWCO-1'))!
    assert.include(line, '60.000')
    await replicateBmUnit({
      ...registered,
      change: 'deregistered',
      previousEffectiveTo: '2024-06-30',
    })
    const after = await client.get(`${api}/reference/bmunits/all`)
    assert.lengthOf(after.body(), 212)
  })

  test('National Grid ids resolve to Elexon ids through the reference list', async ({
    client,
    assert,
  }) => {
    await importDatasetFile('BMUNITS', readFileSync(BMUS, 'utf8'), 'bmuMapping.json')
    await importDatasetFile(
      'BOALF',
      JSON.stringify([
        {
          bmUnit: '2__NNATP001',
          timeFrom: '2018-03-25T01:00:00Z',
          timeTo: '2018-03-25T01:30:00Z',
          levelFrom: 5,
          levelTo: 5,
          acceptanceNumber: 9,
          acceptanceTime: '2018-03-25T00:50:00Z',
        },
      ]),
      'boalf.json'
    )
    const byNgc = await client
      .get(`${api}/balancing/acceptances/all`)
      .qs({ settlementDate: '2018-03-25', settlementPeriod: 3, bmUnit: 'NNPW01' })
    assert.deepEqual(
      byNgc.body().data.map((r: any) => r.bmUnit),
      ['2__NNATP001']
    )
  })

  test('fuel types come from configuration, as a bare array in each format', async ({
    client,
    assert,
  }) => {
    const json = await client.get(`${api}/reference/fueltypes/all`)
    assert.deepEqual(contractErrors('/reference/fueltypes/all', json.body()), [])
    assert.includeMembers(json.body(), ['BIOMASS', 'CCGT', 'INTNEM', 'WIND'])
    assert.notInclude(json.body(), 'BATTERY')
    const csv = await client.get(`${api}/reference/fueltypes/all`).qs({ format: 'csv' })
    assert.equal(csv.text().split('\r\n')[0], 'FuelType')
    const xml = await client.get(`${api}/reference/fueltypes/all`).qs({ format: 'xml' })
    assert.include(xml.text(), '<item>CCGT</item>')
  })

  test('health answers with status 2 while the data is readable', async ({ client }) => {
    const response = await client.get(`${api}/health`)
    response.assertStatus(200)
    response.assertBodyContains({ status: 2, entries: { database: { status: 2 } } })
  })
})
