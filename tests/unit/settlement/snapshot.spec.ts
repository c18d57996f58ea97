import { test } from '@japa/runner'
import { buildDayInputs } from '#rules_runtime/build_day_inputs'
import type { DayRecords } from '#rules_runtime/day_records'
import { canonicalHash } from '#rules_runtime/columnar_codec'
import { compressSnapshot, freezeInputs, shareInputs, thawInputs } from '#rules_runtime/snapshot'

function records(): DayRecords {
  return {
    settlementDate: '2026-01-15',
    periodMinutes: 30,
    parties: [
      { partyId: 'GEN', partyName: 'Generator plc' },
      { partyId: 'SUP', partyName: 'Supplier Ltd' },
    ],
    accounts: [
      { accountId: 'GEN-P', partyId: 'GEN', accountType: 'P' },
      { accountId: 'GEN-C', partyId: 'GEN', accountType: 'C' },
      { accountId: 'SUP-P', partyId: 'SUP', accountType: 'P' },
      { accountId: 'SUP-C', partyId: 'SUP', accountType: 'C' },
    ],
    bmUnits: [
      {
        elexonBmUnit: 'T_GEN-1',
        nationalGridBmUnit: 'GEN-1',
        leadPartyId: 'GEN',
        bmUnitType: 'T',
        gspGroupId: '_N',
        tradingUnitId: null,
        productionOrConsumptionFlag: 'P',
        isInterconnector: false,
        transmissionLossFactor: -0.02,
      },
      {
        elexonBmUnit: '2__ASUP001',
        nationalGridBmUnit: null,
        leadPartyId: 'SUP',
        bmUnitType: 'S',
        gspGroupId: '_A',
        tradingUnitId: null,
        productionOrConsumptionFlag: 'C',
        isInterconnector: false,
        transmissionLossFactor: 0.01,
      },
    ],
    meteredVolumes: [
      { bmUnit: 'T_GEN-1', settlementPeriod: 1, volume: 100 },
      { bmUnit: '2__ASUP001', settlementPeriod: 1, volume: -99.5 },
      { bmUnit: 'T_GEN-1', settlementPeriod: 2, volume: 0 },
    ],
    pn: [],
    bod: [],
    boalf: [],
    absvd: [],
    disbsad: [],
    netbsad: [],
    marketIndex: [
      { settlementPeriod: 1, dataProvider: 'APXMIDP', price: 80.5, volume: 1000 },
      { settlementPeriod: 1, dataProvider: 'N2EXMIDP', price: 0, volume: 0 },
    ],
    lolp: [],
    ecvn: [{ settlementPeriod: 1, fromAccount: 'GEN-P', toAccount: 'SUP-C', volume: 90 }],
    mvrn: [],
  }
}

test.group('Input snapshots', () => {
  test('the hash depends on the inputs, not on the order rows arrive in', ({ assert }) => {
    const a = records()
    const b = records()
    b.parties.reverse()
    b.accounts.reverse()
    b.bmUnits.reverse()
    b.meteredVolumes.reverse()
    b.marketIndex.reverse()
    assert.equal(freezeInputs(buildDayInputs(a)).hash, freezeInputs(buildDayInputs(b)).hash)
  })

  test('any changed value changes the hash', ({ assert }) => {
    const base = freezeInputs(buildDayInputs(records())).hash
    const changed = records()
    changed.meteredVolumes[0].volume = 100.001
    assert.notEqual(freezeInputs(buildDayInputs(changed)).hash, base)
    const renamed = records()
    renamed.parties[1].partyName = 'Supplier plc'
    assert.notEqual(freezeInputs(buildDayInputs(renamed)).hash, base)
  })

  test('every NaN and -0 encode alike', ({ assert }) => {
    const signedNaN = new Float64Array(new BigUint64Array([0xfff8000000000001n]).buffer)
    assert.isTrue(Number.isNaN(signedNaN[0]))
    assert.equal(canonicalHash({ v: signedNaN }), canonicalHash({ v: Float64Array.of(Number.NaN) }))
    assert.equal(
      canonicalHash({ v: Float64Array.of(-0) }),
      canonicalHash({ v: Float64Array.of(0) })
    )
    assert.notEqual(
      canonicalHash({ v: Float64Array.of(0) }),
      canonicalHash({ v: Int32Array.of(0) })
    )
  })

  test('a stored snapshot thaws into the same inputs, on shared memory when asked', async ({
    assert,
  }) => {
    const inputs = buildDayInputs(records())
    const snapshot = freezeInputs(inputs)
    const thawed = thawInputs(await compressSnapshot(snapshot), { shared: true })
    assert.equal(freezeInputs(thawed).hash, snapshot.hash)
    assert.instanceOf(thawed.meteredVolume.buffer, SharedArrayBuffer)
    assert.deepEqual(thawed.bmUnits.ids, ['2__ASUP001', 'T_GEN-1'])
  })

  test('shareInputs moves every typed array to shared memory and keeps values', ({ assert }) => {
    const inputs = buildDayInputs(records())
    const shared = shareInputs(inputs)
    assert.instanceOf(shared.bmUnits.tlf.buffer, SharedArrayBuffer)
    assert.equal(freezeInputs(shared).hash, freezeInputs(inputs).hash)
  })
})
