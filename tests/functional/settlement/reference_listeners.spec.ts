import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import emitter from '@adonisjs/core/services/emitter'
import db from '@adonisjs/lucid/services/db'
import type { BmUnitRegisteredPayload } from '#customer/index'
import { cast, operator, registerRole, workingDaysAhead } from '#tests/fixtures/customer/world'
import { as, expectStatus } from '#tests/fixtures/customer/api'

const unit = (overrides: Partial<BmUnitRegisteredPayload> = {}): BmUnitRegisteredPayload => ({
  elexonBmUnit: 'T_KSTR-1',
  nationalGridBmUnit: 'KSTR-1',
  bmUnitName: 'Kestrel 1',
  leadPartyId: 'KESTREL',
  leadPartyName: 'Kestrel Generation Ltd',
  bmUnitType: 'T',
  gspGroupId: '_N',
  fuelType: 'CCGT',
  generationCapacity: 400,
  demandCapacity: -5,
  productionOrConsumptionFlag: null,
  fpnFlag: true,
  effectiveFrom: '2026-01-01',
  effectiveTo: null,
  tradingUnitId: 'KSTR-TU',
  ...overrides,
})

const unitRows = (id: string) =>
  db.from('settlement_bm_units').where('bm_unit_id', id).orderBy('effective_from')

test.group('Settlement reference data follows the customer register', (group) => {
  group.setup(async () => {
    // The preload adonisrc.ts registers; importing it again is a no-op once it is.
    await import('#settlement/preload')
  })
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a BM Unit registered through the customer flow appears in settlement reference data', async ({
    client,
    assert,
  }) => {
    const p = await cast('FENMOOR', { participantCode: 'FNMF' })
    await registerRole('FENMOOR', 'VLP')
    const effectiveFrom = workingDaysAhead(5)
    const submitted = await as(client, p.sigB.user).post('/parties/FENMOOR/bm-units', {
      bmUnitId: 'V__JFNMF001',
      bmUnitType: 'V',
      bmUnitName: 'Fenmoor Kent Batteries',
      gspGroupId: '_J',
      nationalGridBmUnit: 'FNMF-J1',
      generationCapacity: 20,
      demandCapacity: -20,
      fpnFlag: true,
      effectiveFrom,
    })
    submitted.assertStatus(201)
    assert.lengthOf(await unitRows('V__JFNMF001'), 0, 'not before it is registered')
    const { user: op } = await operator()
    expectStatus(await as(client, op).post(`/bm-units/${submitted.body().data.id}/approve`), 200)

    const [row] = await unitRows('V__JFNMF001')
    assert.include(row, {
      bm_unit_id: 'V__JFNMF001',
      ngc_bm_unit_id: 'FNMF-J1',
      lead_party_id: 'FENMOOR',
      bm_unit_type: 'V',
      gsp_group_id: '_J',
      pc_status: 'C',
      effective_from: effectiveFrom,
      effective_to: null,
    })
    const party = await db.from('settlement_parties').where('party_id', 'FENMOOR').first()
    assert.equal(party.name, 'FENMOOR Energy Ltd')
  })

  test('a registered party becomes a settlement party with its P/C or VBA accounts', async ({
    assert,
  }) => {
    await emitter.emit('customer:party_registered', {
      partyId: 'KESTREL',
      partyName: 'Kestrel Generation Ltd',
      accessionDate: '2025-06-02',
      roles: [{ roleCode: 'BP', effectiveFrom: '2025-07-01' }],
      energyAccounts: [
        { accountId: 'KESTREL-P', accountType: 'P' },
        { accountId: 'KESTREL-C', accountType: 'C' },
      ],
    })
    await emitter.emit('customer:party_registered', {
      partyId: 'KESTREL',
      partyName: 'Kestrel Power Ltd',
      accessionDate: '2025-06-02',
      roles: [
        { roleCode: 'BP', effectiveFrom: '2025-07-01' },
        { roleCode: 'VLP', effectiveFrom: '2025-09-01' },
      ],
      energyAccounts: [
        { accountId: 'KESTREL-P', accountType: 'P' },
        { accountId: 'KESTREL-C', accountType: 'C' },
        { accountId: 'KESTREL-VBA', accountType: 'VBA' },
      ],
    })
    const party = await db.from('settlement_parties').where('party_id', 'KESTREL').first()
    assert.equal(party.name, 'Kestrel Power Ltd')
    assert.deepEqual(JSON.parse(party.roles), ['BP', 'VLP'])
    const accounts = await db
      .from('settlement_accounts')
      .where('party_id', 'KESTREL')
      .orderBy('account_id')
    assert.deepEqual(
      accounts.map((a) => [a.account_id, a.account_type]),
      [
        ['KESTREL-C', 'C'],
        ['KESTREL-P', 'P'],
        ['KESTREL-VBA', 'VBA'],
      ]
    )
  })

  test('a new version ends the previous one; a deregistration ends the unit; P/C status and trading unit follow', async ({
    assert,
  }) => {
    await emitter.emit('customer:bm_unit_registered', unit())
    await emitter.emit('customer:bm_unit_changed', {
      ...unit({
        effectiveFrom: '2026-03-01',
        productionOrConsumptionFlag: 'C',
        tradingUnitId: null,
      }),
      change: 'new_version',
      previousEffectiveTo: '2026-02-28',
    })
    let rows = await unitRows('T_KSTR-1')
    assert.deepEqual(
      rows.map((row) => [row.effective_from, row.effective_to, row.pc_status, row.trading_unit_id]),
      [
        ['2026-01-01', '2026-02-28', 'P', 'KSTR-TU'],
        ['2026-03-01', null, 'C', null],
      ]
    )
    await emitter.emit('customer:bm_unit_changed', {
      ...unit({
        effectiveFrom: '2026-03-01',
        effectiveTo: '2026-06-30',
        productionOrConsumptionFlag: 'C',
      }),
      change: 'deregistered',
      previousEffectiveTo: null,
    })
    rows = await unitRows('T_KSTR-1')
    assert.lengthOf(rows, 2)
    assert.equal(rows[1].effective_to, '2026-06-30')
    // A replayed event changes nothing: the ended version stays ended.
    await emitter.emit('customer:bm_unit_registered', unit())
    rows = await unitRows('T_KSTR-1')
    assert.deepEqual(
      rows.map((row) => row.effective_to),
      ['2026-02-28', '2026-06-30']
    )
    await emitter.emit(
      'customer:bm_unit_registered',
      unit({ elexonBmUnit: 'I_IFD-KSTR1', bmUnitType: 'I' })
    )
    const [interconnector] = await unitRows('I_IFD-KSTR1')
    assert.isTrue(Boolean(interconnector.is_interconnector))
  })
})
