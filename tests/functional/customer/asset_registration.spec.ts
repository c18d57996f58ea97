import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import emitter from '@adonisjs/core/services/emitter'
import db from '@adonisjs/lucid/services/db'
import BmUnit from '#customer/models/bm_unit'
import {
  cast,
  meteringSystems,
  operator,
  registeredVlpUnits,
  registerRole,
  workingDaysAhead,
} from '#tests/fixtures/customer/world'
import { as, expectStatus } from '#tests/fixtures/customer/api'

async function fenmoor(...roles: string[]) {
  const p = await cast('FENMOOR', { participantCode: 'FNMF' })
  for (const role of roles) await registerRole('FENMOOR', role)
  return p
}

const secondary = (overrides: Record<string, unknown> = {}) => ({
  bmUnitId: 'V__JFNMF001',
  bmUnitType: 'V',
  bmUnitName: 'Fenmoor Kent Batteries',
  gspGroupId: '_J',
  nationalGridBmUnit: 'FNMF-J1',
  generationCapacity: 20,
  demandCapacity: -20,
  fpnFlag: true,
  effectiveFrom: workingDaysAhead(5),
  ...overrides,
})

test.group('Asset registration: BM Units, metering systems, MSID Pairs, AMSIDs', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a VLP registers a Secondary BM Unit; the operator registers it and the event carries the reference data', async ({
    client,
    assert,
  }) => {
    const events = emitter.fake(['customer:bm_unit_registered'])
    const p = await fenmoor('VLP')
    expectStatus(
      await as(client, p.assistant.user).post('/parties/FENMOOR/bm-units', secondary()),
      403
    )
    const submitted = await as(client, p.sigB.user).post('/parties/FENMOOR/bm-units', secondary())
    submitted.assertStatus(201)
    const { user: op } = await operator()
    expectStatus(
      await as(client, p.catA.user).post(`/bm-units/${submitted.body().data.id}/approve`),
      404
    )
    expectStatus(await as(client, op).post(`/bm-units/${submitted.body().data.id}/approve`), 200)
    events.assertEmitted('customer:bm_unit_registered', ({ data }) => {
      assert.deepEqual(data, {
        elexonBmUnit: 'V__JFNMF001',
        nationalGridBmUnit: 'FNMF-J1',
        bmUnitName: 'Fenmoor Kent Batteries',
        leadPartyId: 'FENMOOR',
        leadPartyName: 'FENMOOR Energy Ltd',
        bmUnitType: 'V',
        gspGroupId: '_J',
        fuelType: null,
        generationCapacity: 20,
        demandCapacity: -20,
        productionOrConsumptionFlag: null,
        fpnFlag: true,
        effectiveFrom: workingDaysAhead(5),
        effectiveTo: null,
        tradingUnitId: null,
      })
      return true
    })
    emitter.restore()
  })

  test('ids are checked against their type, GSP letter, owner code and GSP Group; field messages explain', async ({
    client,
    assert,
  }) => {
    const p = await fenmoor('VLP')
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ bmUnitId: 'T_FNMF-1' }, 'bmUnitId', /Not a valid V BM Unit id/],
      [{ bmUnitId: 'V__CFNMF001' }, 'bmUnitId', /GSP Group letter in the id \(C\) must match/],
      [{ bmUnitId: 'V__JOTHR001' }, 'bmUnitId', /must be your own \(FNMF\)/],
      [{ bmUnitId: 'V__IFNMF001', gspGroupId: '_I' }, 'bmUnitId', /Not a valid V BM Unit id/],
      [{ gspGroupId: '_O', bmUnitId: 'V__OFNMF001' }, 'bmUnitId', /Not a valid/],
      [
        { bmUnitType: 'T', bmUnitId: 'T_FNMF-1', gspGroupId: undefined },
        'bmUnitType',
        /needs a registered role: Supplier or Generator/,
      ],
      [{ generationCapacity: -1, demandCapacity: 5 }, 'generationCapacity', /at least 0/],
      [{ fpnFlag: true, nationalGridBmUnit: undefined }, 'nationalGridBmUnit', /required/],
      [{ effectiveFrom: '2026-13-01' }, 'effectiveFrom', /date/],
      [{ effectiveTo: '2020-01-01' }, 'effectiveTo', /before the start/],
    ]
    for (const [overrides, field, message] of cases) {
      const response = await as(client, p.catA.user).post(
        '/parties/FENMOOR/bm-units',
        secondary(overrides)
      )
      response.assertStatus(422)
      const error = response.body().errors.find((e: any) => e.field === field)
      assert.exists(
        error,
        `${JSON.stringify(overrides)} → ${field}: ${JSON.stringify(response.body().errors)}`
      )
      assert.match(error.message, message)
    }
  })

  test('a GSP Group that does not exist is refused by the server', async ({ client, assert }) => {
    const p = await fenmoor('VLP')
    await db.from('customer_gsp_groups').where('gsp_group_id', '_J').delete()
    const response = await as(client, p.catA.user).post('/parties/FENMOOR/bm-units', secondary())
    response.assertStatus(422)
    assert.match(response.body().errors[0].message, /GSP Group _J does not exist/)
  })

  test('Primary units: 30 working day lead time and the NETSO agreement; ids never reused', async ({
    client,
    assert,
  }) => {
    const p = await cast('HRBLIGHT', { participantCode: 'HRBL' })
    await registerRole('HRBLIGHT', 'GENERATOR')
    const unit = {
      bmUnitId: 'T_HRBL-1',
      bmUnitType: 'T',
      bmUnitName: 'Harbour GT1',
      nationalGridBmUnit: 'HRBL-1',
      generationCapacity: 100,
      demandCapacity: 0,
      fpnFlag: true,
      fuelType: 'OCGT',
    }
    const early = await as(client, p.catA.user).post('/parties/HRBLIGHT/bm-units', {
      ...unit,
      netsoAgreed: true,
      effectiveFrom: workingDaysAhead(10),
    })
    early.assertStatus(422)
    assert.include(early.body().errors[0].message, workingDaysAhead(30))
    const noNetso = await as(client, p.catA.user).post('/parties/HRBLIGHT/bm-units', {
      ...unit,
      effectiveFrom: workingDaysAhead(31),
    })
    assert.equal(noNetso.body().errors[0].field, 'netsoAgreed')
    expectStatus(
      await as(client, p.catA.user).post('/parties/HRBLIGHT/bm-units', {
        ...unit,
        netsoAgreed: true,
        effectiveFrom: workingDaysAhead(31),
      }),
      201
    )
    const again = await as(client, p.catA.user).post('/parties/HRBLIGHT/bm-units', {
      ...unit,
      netsoAgreed: true,
      effectiveFrom: workingDaysAhead(40),
    })
    assert.match(again.body().errors[0].message, /never reused/)
  })

  test('a change is a new version: no overlap, and approval ends the previous version the day before', async ({
    client,
    assert,
  }) => {
    const events = emitter.fake(['customer:bm_unit_changed'])
    const p = await fenmoor('VLP')
    const { user: op } = await operator()
    const first = await as(client, p.catA.user).post('/parties/FENMOOR/bm-units', secondary())
    await as(client, op).post(`/bm-units/${first.body().data.id}/approve`)
    const { bmUnitId, ...version } = secondary({
      generationCapacity: 30,
      effectiveFrom: workingDaysAhead(3),
    })
    assert.equal(bmUnitId, 'V__JFNMF001', 'a new version names no id: the unit keeps its own')
    const before = await as(client, p.catA.user).put(`/bm-units/${first.body().data.id}`, version)
    before.assertStatus(422)
    const changed = await as(client, p.catA.user).put(`/bm-units/${first.body().data.id}`, {
      ...version,
      effectiveFrom: workingDaysAhead(20),
    })
    changed.assertStatus(201)
    expectStatus(await as(client, op).post(`/bm-units/${changed.body().data.id}/approve`), 200)
    const versions = await BmUnit.query()
      .where('bm_unit_id', 'V__JFNMF001')
      .orderBy('effective_from')
    assert.equal(versions[0].effectiveTo! < versions[1].effectiveFrom, true)
    events.assertEmitted(
      'customer:bm_unit_changed',
      ({ data }) =>
        data.change === 'new_version' &&
        data.generationCapacity === 30 &&
        data.previousEffectiveTo === versions[0].effectiveTo
    )
    emitter.restore()
  })

  test('MSID Pairs are accepted or rejected row by row with the reason (customer.md §12.2)', async ({
    client,
    assert,
  }) => {
    const p = await fenmoor('VLP')
    const from = workingDaysAhead(8)
    await registeredVlpUnits('FENMOOR', [
      ['V__JFNMF001', '_J'],
      ['V__JFNMF002', '_J'],
      ['V__CFNMF001', '_C'],
    ])
    await meteringSystems('FENMOOR', [
      ['1900012345670', '_J'],
      ['1900012345680', '_J'],
      ['1200098765433', '_C'],
      ['1900055500016', '_J'],
    ])
    await meteringSystems('FENMOOR', [['1900012345699', '_J']], 'NHH')
    const rows = [
      {
        bmUnitId: 'V__JFNMF001',
        importMsid: '1900012345670',
        exportMsid: '1900012345680',
        effectiveFrom: workingDaysAhead(3),
      },
      {
        bmUnitId: 'V__JFNMF001',
        importMsid: '1900012345670',
        exportMsid: '1900012345680',
        effectiveFrom: from,
      },
      { bmUnitId: 'V__CFNMF001', importMsid: '1200098765433', effectiveFrom: from },
      { bmUnitId: 'V__CFNMF001', importMsid: '1900055500016', effectiveFrom: from },
      { bmUnitId: 'V__JFNMF002', importMsid: '1900012345671', effectiveFrom: from },
      { bmUnitId: 'V__JFNMF002', importMsid: '1200098765433', effectiveFrom: from },
      { bmUnitId: 'V__JFNMF002', importMsid: '1900012345699', effectiveFrom: from },
      { bmUnitId: 'V__JOTHR001', importMsid: '1900055500016', effectiveFrom: from },
    ]
    const response = await as(client, p.sigB.user).post('/parties/FENMOOR/msid-pairs', { rows })
    response.assertStatus(201)
    const results = response.body().data.map((r: any) => [r.status, r.rejectionReason])
    assert.equal(response.body().message, '2 of 8 MSID Pair row(s) accepted')
    assert.match(results[0][1], /inside the lead time/)
    assert.deepEqual(results[1], ['accepted', null])
    assert.deepEqual(results[2], ['accepted', null])
    assert.match(results[3][1], /GSP Group _J, the unit is in _C/)
    assert.match(results[4][1], /check digit wrong \(expected 0\)/)
    assert.match(results[5][1], /already allocated to V__CFNMF001/)
    assert.match(results[6][1], /not half-hourly/)
    assert.match(results[7][1], /not one of your BM Units/)
    expectStatus(
      await as(client, p.sigB.user).post('/parties/FENMOOR/msid-pairs', {
        rows: [{ bmUnitId: 'V__JFNMF001', importMsid: '12', effectiveFrom: from }],
      }),
      422
    )
  })

  test('metering systems need a valid MSID and an existing GSP Group', async ({
    client,
    assert,
  }) => {
    const p = await fenmoor('VLP')
    const bad = await as(client, p.catA.user).post('/parties/FENMOOR/metering-systems', {
      msid: '1900012345671',
      gspGroupId: '_Q',
      measurementClass: 'HH',
      effectiveFrom: '2026-01-01',
    })
    bad.assertStatus(422)
    assert.match(bad.body().errors.find((e: any) => e.field === 'msid').message, /expected 0/)
    const noGroup = await as(client, p.catA.user).post('/parties/FENMOOR/metering-systems', {
      msid: '1900012345670',
      gspGroupId: '_Q',
      measurementClass: 'HH',
      effectiveFrom: '2026-01-01',
    })
    assert.match(noGroup.body().errors[0].message, /does not exist/)
  })

  test('AMSIDs: only a registered AMVLP; allocated to its own V__ unit in the same GSP Group', async ({
    client,
    assert,
  }) => {
    const p = await fenmoor('VLP')
    await meteringSystems('FENMOOR', [['1900012345670', '_J']])
    const ams = {
      boundaryMsid: '1900012345670',
      direction: 'import',
      assetMeteringType: 'battery',
      gspGroupId: '_J',
      moaId: 'MOA1',
      dcId: 'HHDC',
      cop11Compliant: true,
      commissionedOn: '2025-06-01',
      effectiveFrom: workingDaysAhead(10),
      bmUnitId: 'V__JFNMF003',
    }
    const notAmvlp = await as(client, p.catA.user).post(
      '/parties/FENMOOR/asset-metering-systems',
      ams
    )
    assert.match(notAmvlp.body().errors[0].message, /Asset Metering VLP/)
    await registerRole('FENMOOR', 'AMVLP')
    const noUnit = await as(client, p.catA.user).post(
      '/parties/FENMOOR/asset-metering-systems',
      ams
    )
    assert.equal(noUnit.body().errors[0].field, 'bmUnitId')
    await registeredVlpUnits('FENMOOR', [['V__JFNMF003', '_J']])
    expectStatus(
      await as(client, p.catA.user).post('/parties/FENMOOR/asset-metering-systems', {
        ...ams,
        cop11Compliant: false,
      }),
      422
    )
    const submitted = await as(client, p.catA.user).post(
      '/parties/FENMOOR/asset-metering-systems',
      ams
    )
    submitted.assertStatus(201)
    const { user: op } = await operator()
    const approved = await as(client, op).post(
      `/asset-metering-systems/${submitted.body().data.id}/approve`
    )
    approved.assertStatus(200)
    assert.equal(approved.body().data.state, 'ALLOCATED')
    assert.match(approved.body().data.amsid, /^AMS\d{10}$/)
  })
})
