import { test } from '@japa/runner'
import { findDataset } from '#insights/datasets/registry'
import { buildRow } from '#insights/datasets/row_builder'
import { ImportError } from '#insights/datasets/import_error'

const NOW = '2026-01-01T00:00:00Z'
const build = (code: string, values: Record<string, unknown>, side: string | null = null) =>
  buildRow(findDataset(code)!, { line: 7, values }, NOW, side)

test.group('Row building: settlement periods derived on 46/48/50-period days', () => {
  test('a period start on the spring day maps to periods 1..46', ({ assert }) => {
    assert.include(
      build('FUELHH', { startTime: '2018-03-25T00:30:00Z', fuelType: 'CCGT', generation: 1 }),
      { settlementPeriod: 2, settlementDate: '2018-03-25' }
    )
    // Local 02:00 BST (the first instant after the gap) is 01:00Z: period 3.
    assert.include(
      build('FUELHH', { startTime: '2018-03-25T01:00:00+00:00', fuelType: 'CCGT', generation: 1 }),
      { settlementPeriod: 3 }
    )
    assert.include(
      build('FUELHH', { startTime: '2018-03-25T22:30:00Z', fuelType: 'CCGT', generation: 1 }),
      { settlementPeriod: 46 }
    )
    // 23:00Z is local midnight BST: the next day's first period.
    assert.include(
      build('FUELHH', { startTime: '2018-03-25T23:00:00Z', fuelType: 'CCGT', generation: 1 }),
      { settlementDate: '2018-03-26', settlementPeriod: 1 }
    )
  })

  test('the repeated local hour of the autumn day gets periods 3-4 and 5-6', ({ assert }) => {
    const first = build('FUELHH', {
      startTime: '2018-10-28T01:00:00+01:00',
      fuelType: 'WIND',
      generation: 1,
    })
    const second = build('FUELHH', {
      startTime: '2018-10-28T01:00:00+00:00',
      fuelType: 'WIND',
      generation: 1,
    })
    assert.include(first, { settlementPeriod: 3, startTime: '2018-10-28T00:00:00Z' })
    assert.include(second, { settlementPeriod: 5, startTime: '2018-10-28T01:00:00Z' })
    assert.include(
      build('FUELHH', {
        settlementDate: '2018-10-28',
        settlementPeriod: 50,
        fuelType: 'WIND',
        generation: 1,
      }),
      { startTime: '2018-10-28T23:30:00Z' }
    )
  })

  test('impossible or inconsistent periods are errors naming the field', ({ assert }) => {
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [
        { settlementDate: '2018-03-25', settlementPeriod: 47 },
        'settlementPeriod',
        /between 1 and 46 on 2018-03-25/,
      ],
      [
        { settlementDate: '2018-10-28', settlementPeriod: 51 },
        'settlementPeriod',
        /between 1 and 50/,
      ],
      [
        { settlementDate: '2018-10-28', settlementPeriod: 5, startTime: '2018-10-28T00:00:00Z' },
        'startTime',
        /period 5 of 2018-10-28 gives "2018-10-28T01:00:00Z"/,
      ],
      [
        { startTime: '2018-10-28T00:10:00Z' },
        'startTime',
        /not the start of a 30-minute settlement period/,
      ],
      [{ startTime: '2018-10-28 00:00' }, 'startTime', /ISO date-time with Z or an offset/],
      [{ settlementDate: '2018-02-29', settlementPeriod: 1 }, 'settlementDate', /yyyy-MM-dd/],
      [{}, 'settlementDate', /is required/],
    ]
    for (const [values, field, message] of cases) {
      const error = (() => {
        try {
          build('FUELHH', { fuelType: 'CCGT', generation: 1, ...values })
        } catch (e) {
          return e as ImportError
        }
      })()
      assert.instanceOf(error, ImportError, JSON.stringify(values))
      assert.equal(error!.line, 7)
      assert.equal(error!.field, field)
      assert.match(error!.message, message)
    }
  })

  test('FUELINST instants must sit on 5-minute boundaries and give the containing period', ({
    assert,
  }) => {
    assert.include(
      build('FUELINST', { startTime: '2018-10-28T01:25:00Z', fuelType: 'CCGT', generation: 5 }),
      { settlementPeriod: 5 }
    )
    assert.throws(
      () =>
        build('FUELINST', { startTime: '2018-10-28T01:27:00Z', fuelType: 'CCGT', generation: 5 }),
      /5-minute boundary/
    )
  })

  test('BOALF derives period from and to, and rejects an end before the start', ({ assert }) => {
    const base = {
      bmUnit: 'T_X',
      levelFrom: 1,
      levelTo: 2,
      acceptanceNumber: 3,
      acceptanceTime: '2018-03-25T00:00:00Z',
    }
    const row = build('BOALF', {
      ...base,
      timeFrom: '2018-03-25T00:40:00Z',
      timeTo: '2018-03-25T02:00:00Z',
    })
    assert.include(row.fields, {
      settlementPeriodFrom: 2,
      settlementPeriodTo: 4,
      deemedBoFlag: false,
      amendmentFlag: 'ORI',
    })
    const late = build('BOALF', {
      ...base,
      timeFrom: '2018-03-25T22:50:00Z',
      timeTo: '2018-03-26T00:10:00Z',
    })
    assert.include(late.fields, { settlementPeriodFrom: 46, settlementPeriodTo: 46 })
    assert.throws(
      () =>
        build('BOALF', {
          ...base,
          timeFrom: '2018-03-25T02:00:00Z',
          timeTo: '2018-03-25T01:00:00Z',
        }),
      /field timeTo/
    )
  })

  test('types, defaults, key and indexed columns', ({ assert }) => {
    const row = build('DISEBSP', {
      settlementDate: '2018-03-25',
      settlementPeriod: '4',
      systemSellPrice: '-25.85',
    })
    assert.deepInclude(row.fields, {
      systemSellPrice: -25.85,
      settlementPeriod: 4,
      bsadDefaulted: false,
      createdDateTime: NOW,
    })
    assert.notProperty(row.fields, 'netImbalanceVolume')
    assert.sameMembers(row.defaulted, ['createdDateTime', 'bsadDefaulted'])
    assert.equal(row.rowKey, '2018-03-25|4')
    const stack = build(
      'ISPSTACK',
      { settlementDate: '2018-03-25', settlementPeriod: 1, sequenceNumber: 2, volume: 5 },
      'offer'
    )
    assert.equal(stack.rowKey, 'offer|2018-03-25|1|2')
    assert.throws(
      () =>
        build('FUELHH', {
          settlementDate: '2018-03-25',
          settlementPeriod: 1,
          fuelType: 'CCGT',
          generation: 1.5,
        }),
      /whole number/
    )
    assert.throws(
      () =>
        build('BOD', {
          settlementDate: '2018-03-25',
          settlementPeriod: 1,
          bmUnit: 'T_X',
          pairId: 1,
          offer: 1,
          bid: 1,
          timeFrom: '2018-03-25T00:00:00Z',
          timeTo: '2018-03-25T00:30:00Z',
          levelFrom: 1,
          levelTo: 2 ** 31,
        }),
      /32 bits/
    )
    const volumes = build(
      'DISPTAV',
      {
        'settlementDate': '2018-03-25',
        'settlementPeriod': 1,
        'bmUnit': 'T_X',
        'pairVolumes.negative1': '-3.5',
      },
      'bid'
    )
    assert.deepEqual(volumes.fields.pairVolumes, {
      negative1: -3.5,
      positive1: null,
      negative2: null,
      positive2: null,
      negative3: null,
      positive3: null,
      negative4: null,
      positive4: null,
      negative5: null,
      positive5: null,
      negative6: null,
      positive6: null,
    })
  })
})
