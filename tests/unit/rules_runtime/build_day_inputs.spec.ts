import { readFileSync } from 'node:fs'
import { test } from '@japa/runner'
import { buildDayInputs, DayInputsError } from '#rules_runtime/build_day_inputs'
import type { DayRecords } from '#rules_runtime/day_records'
import { CONSUMPTION, PRODUCTION, VIRTUAL_BALANCING } from '#rules_runtime/frames'

const workedExample = (): DayRecords =>
  JSON.parse(
    readFileSync(
      new URL('../../../rules/baseline/fixtures/worked_example/input.json', import.meta.url),
      'utf8'
    )
  )

function problemsOf(records: DayRecords): string[] {
  try {
    buildDayInputs(records)
  } catch (error) {
    if (error instanceof DayInputsError) return error.problems
    throw error
  }
  return []
}

test.group('rules_runtime/build_day_inputs: frames', () => {
  test('dictionary-encodes entities in id order and derives lead accounts and trading units', ({
    assert,
  }) => {
    const records = workedExample()
    records.bmUnits[0].tradingUnitId = 'TU-X'
    records.bmUnits[2].tradingUnitId = 'TU-X'
    const inputs = buildDayInputs(records)
    assert.equal(inputs.periods, 48)
    assert.equal(inputs.dayStart, Date.parse('2024-06-11T23:00:00Z'))
    assert.deepEqual(inputs.parties.ids, ['A', 'B'])
    assert.deepEqual(inputs.accounts.ids, ['A-C', 'A-P', 'B-C', 'B-P'])
    assert.deepEqual(inputs.bmUnits.ids, ['2__BSUPC000', 'E_WIND-1', 'T_BATT-1', 'T_GEN-1'])
    assert.deepEqual(
      [...inputs.bmUnits.pcStatus],
      [CONSUMPTION, PRODUCTION, PRODUCTION, PRODUCTION]
    )
    assert.deepEqual(
      [...inputs.bmUnits.leadAccount].map((a) => inputs.accounts.ids[a]),
      ['B-C', 'A-P', 'B-P', 'A-P']
    )
    const tu = inputs.bmUnits.tradingUnit
    assert.equal(tu[3], tu[2]) // T_GEN-1 and T_BATT-1 share TU-X
    assert.equal(inputs.bmUnits.tradingUnitCount, 3)
    assert.deepEqual([...inputs.bmUnits.tlf], [0.005, -0.02, 0, -0.01])
  })

  test('a VLP-only party credits its units to its Virtual Balancing Account', ({ assert }) => {
    const records = workedExample()
    records.parties.push({ partyId: 'V', partyName: 'Flex VLP' })
    records.accounts.push({ accountId: 'V-VBA', partyId: 'V', accountType: 'VBA' })
    records.bmUnits.push({
      ...records.bmUnits[0],
      elexonBmUnit: 'V__AFLEX001',
      nationalGridBmUnit: null,
      leadPartyId: 'V',
      bmUnitType: 'V',
      productionOrConsumptionFlag: 'C',
    })
    const inputs = buildDayInputs(records)
    const vba = inputs.accounts.ids.indexOf('V-VBA')
    assert.equal(inputs.accounts.type[vba], VIRTUAL_BALANCING)
    assert.equal(inputs.bmUnits.leadAccount[inputs.bmUnits.ids.indexOf('V__AFLEX001')], vba)

    records.accounts = records.accounts.filter((account) => account.accountId !== 'V-VBA')
    assert.include(problemsOf(records).join('\n'), 'lead party V has no C account (nor a VBA)')
  })

  test('period-major metered volumes (NaN when absent) and CSR lists per (period, unit)', ({
    assert,
  }) => {
    const inputs = buildDayInputs(workedExample())
    const units = 4
    assert.equal(inputs.meteredVolume[19 * units + 3], 221)
    assert.isNaN(inputs.meteredVolume[18 * units + 3])
    const g = 19 * units + 3 // T_GEN-1 in period 20
    assert.equal(inputs.fpn.offsets[g + 1] - inputs.fpn.offsets[g], 1)
    const bod = inputs.bod
    assert.deepEqual([...bod.pairId.subarray(bod.offsets[g], bod.offsets[g + 1])], [-1, 1, 2])
    assert.deepEqual([...bod.offer.subarray(bod.offsets[g], bod.offsets[g + 1])], [70, 90, 150])
    assert.deepEqual(
      [
        ...inputs.disbsad.id.subarray(
          inputs.disbsad.periodOffsets[19],
          inputs.disbsad.periodOffsets[20]
        ),
      ],
      [1, 2]
    )
    assert.deepEqual(
      [
        ...inputs.marketIndex.price.subarray(
          inputs.marketIndex.periodOffsets[19],
          inputs.marketIndex.periodOffsets[20]
        ),
      ],
      [98, 0]
    )
    assert.isNaN(inputs.lolp[0])
    assert.equal(inputs.lolp[19], 0)
    assert.deepEqual([...inputs.ecvn.period], [20, 20])
  })

  test('acceptances per unit ordered by number, with whole-acceptance first and last times', ({
    assert,
  }) => {
    const records = workedExample()
    // k104 of T_GEN-1 as two segments: a ramp then a hold (points merge where segments touch)
    const k104 = records.boalf.findIndex((b) => b.acceptanceNumber === 104)
    records.boalf.splice(
      k104,
      1,
      {
        ...records.boalf[k104],
        timeFrom: '2024-06-12T08:50:00Z',
        levelFrom: 440,
        timeTo: '2024-06-12T08:52:00Z',
        levelTo: 460,
      },
      {
        ...records.boalf[k104],
        timeFrom: '2024-06-12T08:52:00Z',
        levelFrom: 460,
        timeTo: '2024-06-12T08:56:00Z',
        levelTo: 460,
      }
    )
    records.boalf.reverse()
    const { acceptances: acc, bmUnits } = buildDayInputs(records)
    const gen = bmUnits.ids.indexOf('T_GEN-1')
    const ks = [acc.unitOffsets[gen], acc.unitOffsets[gen] + 1]
    assert.deepEqual(
      ks.map((k) => acc.number[k]),
      [101, 104]
    )
    const k = ks[1]
    assert.deepEqual(
      [...acc.pointTime.subarray(acc.pointOffsets[k], acc.pointOffsets[k + 1])].map((t) =>
        new Date(t).toISOString().slice(11, 16)
      ),
      ['08:50', '08:52', '08:56']
    )
    assert.deepEqual(
      [...acc.pointLevel.subarray(acc.pointOffsets[k], acc.pointOffsets[k + 1])],
      [440, 460, 460]
    )
    assert.equal(acc.firstTime[k], Date.parse('2024-06-12T08:50:00Z'))
    assert.equal(acc.lastTime[k], Date.parse('2024-06-12T08:56:00Z'))
    assert.equal(acc.soFlag[acc.unitOffsets[bmUnits.ids.indexOf('E_WIND-1')]], 1)
  })

  test('the same records in any order give the same frames', ({ assert }) => {
    const a = buildDayInputs(workedExample())
    const shuffled = workedExample()
    for (const list of Object.values(shuffled)) if (Array.isArray(list)) list.reverse()
    const b = buildDayInputs(shuffled)
    assert.deepEqual(JSON.stringify(b, typedArrays), JSON.stringify(a, typedArrays))
  })
})

test.group('rules_runtime/build_day_inputs: validation names the record', () => {
  const cases: [string, (r: DayRecords) => void, string][] = [
    [
      'acceptance times reversed',
      (r) => Object.assign(r.boalf[0], { timeFrom: '2024-06-12T09:31:00Z' }),
      'boalf[0]: acceptance 101 of T_GEN-1 has timeFrom after timeTo',
    ],
    [
      'an unknown BM Unit',
      (r) => (r.meteredVolumes[0].bmUnit = 'T_NOPE-1'),
      'meteredVolumes[0]: bmUnit "T_NOPE-1" is not known',
    ],
    [
      'a second metered volume',
      (r) => r.meteredVolumes.push({ ...r.meteredVolumes[0] }),
      'meteredVolumes[4]: second metered volume for T_GEN-1 in period 20',
    ],
    [
      'a PN segment outside its period',
      (r) => (r.pn[0].settlementPeriod = 21),
      'pn[0]: T_GEN-1: segment 2024-06-12T08:30:00Z–2024-06-12T09:00:00Z lies outside period 21',
    ],
    [
      'a band of the wrong sign',
      (r) => (r.bod[2].levelFrom = 100),
      'bod[2]: T_GEN-1 pair -1: band width must have the sign of the pair number',
    ],
    [
      'overlapping band segments',
      (r) => r.bod.push({ ...r.bod[0], timeFrom: '2024-06-12T08:45:00Z' }),
      'bod[6]: T_GEN-1 pair 1: overlaps bod[0]',
    ],
    [
      'prices changing inside a period',
      (r) => r.bod.push({ ...r.bod[0], timeFrom: '2024-06-12T09:00:00Z', offer: 91 }),
      'bod[6]: T_GEN-1 pair 1: prices differ from bod[0] in the same period',
    ],
    [
      'flags differing between segments',
      (r) =>
        r.boalf.push({
          ...r.boalf[0],
          timeFrom: '2024-06-12T09:30:00Z',
          timeTo: '2024-06-12T09:40:00Z',
          soFlag: true,
        }),
      'boalf[5]: acceptance 101 of T_GEN-1: flags or acceptanceTime differ between its segments',
    ],
    [
      'an MVRN not from the lead account',
      (r) => (r.mvrn[0].fromAccount = 'A-C'),
      'mvrn[0]: fromAccount A-C is not the lead account of E_WIND-1',
    ],
    [
      'an MVRN to another account type',
      (r) => (r.mvrn[0].toAccount = 'B-C'),
      "mvrn[0]: toAccount B-C is not of E_WIND-1's P/C type",
    ],
    [
      'a negative ECVN',
      (r) => (r.ecvn[0].volume = -1),
      'ecvn[0]: volume must not be negative, got -1',
    ],
    [
      'a lead party without the account',
      (r) => (r.accounts = r.accounts.filter((a) => a.accountId !== 'B-C')),
      'bmUnits[0] (2__BSUPC000): lead party B has no C account (nor a VBA)',
    ],
    [
      'a time without Z',
      (r) => (r.pn[0].timeFrom = '2024-06-12T08:30:00'),
      'pn[0]: timeFrom must be an ISO UTC instant ending in Z, got 2024-06-12T08:30:00',
    ],
    [
      'a non-finite number',
      (r) => (r.disbsad[0].cost = Number.NaN),
      'disbsad[0]: cost must be a finite number, got NaN',
    ],
    [
      'a duplicate DISBSAD id',
      (r) => r.disbsad.push({ ...r.disbsad[0] }),
      'disbsad[2]: second item with id 1 in its period',
    ],
  ]
  for (const [name, change, problem] of cases) {
    test(`rejects ${name}`, ({ assert }) => {
      const records = workedExample()
      change(records)
      assert.include(problemsOf(records), problem)
    })
  }

  test('a bad settlement date or period length fails before anything else', ({ assert }) => {
    assert.match(
      problemsOf({ ...workedExample(), settlementDate: '2024-02-30' })[0],
      /^settlementDate\/periodMinutes: /
    )
    assert.match(
      problemsOf({ ...workedExample(), periodMinutes: 20 })[0],
      /periodMinutes must be 30, 15 or 5/
    )
  })

  test('the error message lists the problems', ({ assert }) => {
    const records = workedExample()
    records.ecvn[0].volume = -1
    assert.throws(
      () => buildDayInputs(records),
      /day inputs are invalid \(1 problems\):\n {2}ecvn\[0\]/
    )
  })
})

function typedArrays(_key: string, value: unknown) {
  return ArrayBuffer.isView(value)
    ? Array.from(value as unknown as ArrayLike<number>, (v) => (Number.isNaN(v) ? 'NaN' : v))
    : value
}
