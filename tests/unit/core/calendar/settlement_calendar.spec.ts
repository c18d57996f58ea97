import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import {
  CalendarError,
  datesBetween,
  dayEndUtc,
  dayStartUtc,
  formatSettlementDate,
  gateClosureUtc,
  parseSettlementDate,
  parseSettlementPeriod,
  periodAt,
  periodEndUtc,
  periodStartLocal,
  periodStartUtc,
  periodsInDay,
  periodsOfDay,
  toUtcIso,
  type PeriodMinutes,
} from '#core/calendar/index'

type Shape = 'gmt' | 'bst' | 'spring' | 'autumn'

/** The clock-change days and their neighbours, with local midnight in UTC written out by hand. */
const DAYS: Array<[string, string, Shape]> = [
  ['2018-03-24', '2018-03-24T00:00:00Z', 'gmt'],
  ['2018-03-25', '2018-03-25T00:00:00Z', 'spring'],
  ['2018-03-26', '2018-03-25T23:00:00Z', 'bst'],
  ['2018-10-27', '2018-10-26T23:00:00Z', 'bst'],
  ['2018-10-28', '2018-10-27T23:00:00Z', 'autumn'],
  ['2018-10-29', '2018-10-29T00:00:00Z', 'gmt'],
  ['2026-03-28', '2026-03-28T00:00:00Z', 'gmt'],
  ['2026-03-29', '2026-03-29T00:00:00Z', 'spring'],
  ['2026-03-30', '2026-03-29T23:00:00Z', 'bst'],
  ['2026-10-24', '2026-10-23T23:00:00Z', 'bst'],
  ['2026-10-25', '2026-10-24T23:00:00Z', 'autumn'],
  ['2026-10-26', '2026-10-26T00:00:00Z', 'gmt'],
]
const COUNTS: Record<PeriodMinutes, Record<Shape, number>> = {
  30: { gmt: 48, bst: 48, spring: 46, autumn: 50 },
  15: { gmt: 96, bst: 96, spring: 92, autumn: 100 },
  5: { gmt: 288, bst: 288, spring: 276, autumn: 300 },
}
const LENGTHS: PeriodMinutes[] = [30, 15, 5]

/** Plain-Date arithmetic, so expectations do not lean on Luxon. */
const addMinutes = (iso: string, m: number) =>
  new Date(Date.parse(iso) + m * 60_000).toISOString().replace('.000Z', 'Z')
const pad = (n: number) => String(n).padStart(2, '0')

/** Local wall-clock starts of a day's periods, written from the clock-change rules. */
function localStarts(date: string, shape: Shape, len: number): string[] {
  const out: string[] = []
  const push = (minute: number, offset: string) =>
    out.push(`${date}T${pad(Math.floor(minute / 60))}:${pad(minute % 60)}:00${offset}`)
  for (let m = 0; m < 1440; m += len) {
    if (shape === 'gmt' || shape === 'bst') push(m, shape === 'gmt' ? '+00:00' : '+01:00')
    else if (shape === 'spring' && (m < 60 || m >= 120)) push(m, m < 60 ? '+00:00' : '+01:00')
    else if (shape === 'autumn') {
      push(m, m < 120 ? '+01:00' : '+00:00')
      if (m >= 60 && m < 120) push(m, '+00:00') // local 01:00–02:00 happens twice
    }
  }
  return out.sort((a, b) => Date.parse(a) - Date.parse(b))
}

function roundTripFailures(date: string, len: PeriodMinutes): string[] {
  const failures: string[] = []
  for (let j = 1; j <= periodsInDay(date, len); j++) {
    for (const at of [periodStartUtc(date, j, len), periodEndUtc(date, j, len).minus(1)]) {
      const got = periodAt(at, len)
      if (got.settlementDate !== date || got.settlementPeriod !== j) {
        failures.push(
          `${date}/${j}@${len}: ${toUtcIso(at)} -> ${got.settlementDate}/${got.settlementPeriod}`
        )
      }
    }
  }
  return failures
}

test.group('settlement calendar | periods of a day', () => {
  test('period counts at 30, 15 and 5 minutes around the clock changes', ({ assert }) => {
    for (const [date, , shape] of DAYS) {
      for (const len of LENGTHS)
        assert.equal(periodsInDay(date, len), COUNTS[len][shape], `${date}@${len}`)
    }
    assert.equal(periodsInDay('2026-03-29'), 46)
  })

  test('every period start, end and local start of the clock-change days', ({ assert }) => {
    for (const [date, midnight, shape] of DAYS) {
      for (const len of LENGTHS) {
        const rows = periodsOfDay(date, len)
        const count = COUNTS[len][shape]
        assert.deepEqual(
          rows.map((r) => r.localStartTime),
          localStarts(date, shape, len),
          `${date}@${len}`
        )
        rows.forEach((row, i) => {
          const start = addMinutes(midnight, i * len)
          assert.deepEqual(row, {
            settlementDate: date,
            settlementPeriod: i + 1,
            startTime: start,
            endTime: addMinutes(start, len),
            localStartTime: row.localStartTime,
            periodsInDay: count,
          })
          assert.equal(toUtcIso(periodStartUtc(date, i + 1, len)), start)
          assert.equal(toUtcIso(periodEndUtc(date, i + 1, len)), addMinutes(start, len))
        })
        assert.equal(rows[count - 1].endTime, toUtcIso(dayEndUtc(date)))
      }
    }
  })

  test('named boundaries on the clock-change days', ({ assert }) => {
    const utc = (d: string, j: number, len: PeriodMinutes = 30) =>
      toUtcIso(periodStartUtc(d, j, len))
    const local = (d: string, j: number, len: PeriodMinutes = 30) =>
      periodStartLocal(d, j, len).toISO({ suppressMilliseconds: true })
    assert.equal(utc('2026-03-29', 1), '2026-03-29T00:00:00Z')
    assert.equal(utc('2026-03-29', 3), '2026-03-29T01:00:00Z')
    assert.equal(local('2026-03-29', 3), '2026-03-29T02:00:00+01:00')
    assert.equal(toUtcIso(periodEndUtc('2026-03-29', 46)), '2026-03-29T23:00:00Z')
    assert.equal(utc('2026-10-25', 3), '2026-10-25T00:00:00Z')
    assert.equal(utc('2026-10-25', 5), '2026-10-25T01:00:00Z')
    assert.equal(local('2026-10-25', 3), '2026-10-25T01:00:00+01:00')
    assert.equal(local('2026-10-25', 5), '2026-10-25T01:00:00+00:00')
    assert.equal(toUtcIso(periodEndUtc('2026-10-25', 50)), '2026-10-26T00:00:00Z')
    assert.equal(utc('2026-06-15', 1), '2026-06-14T23:00:00Z')
    assert.equal(utc('2026-10-25', 9, 15), '2026-10-25T01:00:00Z')
    assert.equal(local('2026-03-29', 13, 5), '2026-03-29T02:00:00+01:00')
    assert.equal(periodStartUtc('2026-06-15', 1).zoneName, 'UTC')
    assert.equal(periodStartLocal('2026-06-15', 1).zoneName, 'Europe/London')
    assert.equal(toUtcIso(gateClosureUtc('2026-03-29', 3)), '2026-03-29T00:00:00Z')
    assert.equal(toUtcIso(gateClosureUtc('2026-06-15', 1)), '2026-06-14T22:00:00Z')
    assert.equal(toUtcIso(gateClosureUtc('2026-10-25', 5, 15)), '2026-10-24T23:00:00Z')
    assert.equal(toUtcIso(dayStartUtc('2026-10-25')), '2026-10-24T23:00:00Z')
    assert.equal(toUtcIso(dayEndUtc('2026-10-25')), '2026-10-26T00:00:00Z')
  })
})

test.group('settlement calendar | periodAt', () => {
  test('round trips every period of 2018 and 2026, back to back', ({ assert }) => {
    for (const year of ['2018', '2026']) {
      const dates = datesBetween(`${year}-01-01`, `${year}-12-31`)
      assert.lengthOf(dates, 365)
      const failures = dates.flatMap((d) => roundTripFailures(d, 30))
      assert.deepEqual(failures, [])
      assert.equal(
        dates.map((d) => periodsInDay(d)).reduce((a, b) => a + b),
        17520
      )
      assert.deepEqual(
        dates.filter((d) => periodsInDay(d) !== 48).map((d) => `${d}:${periodsInDay(d)}`),
        year === '2018' ? ['2018-03-25:46', '2018-10-28:50'] : ['2026-03-29:46', '2026-10-25:50']
      )
      const gaps = dates.slice(1).filter((d, i) => !dayStartUtc(d).equals(dayEndUtc(dates[i])))
      assert.deepEqual(gaps, [])
    }
  })

  test('round trips the clock-change days at 15 and 5 minutes', ({ assert }) => {
    for (const [date] of DAYS) {
      assert.deepEqual([...roundTripFailures(date, 15), ...roundTripFailures(date, 5)], [])
    }
  })

  test('instants just before and after midnight and in the repeated hour', ({ assert }) => {
    const cases: Array<[string, string, number]> = [
      ['2026-03-28T23:59:59.999Z', '2026-03-28', 48],
      ['2026-03-29T00:00:00Z', '2026-03-29', 1],
      ['2026-03-29T22:59:59.999Z', '2026-03-29', 46],
      ['2026-03-29T23:00:00Z', '2026-03-30', 1],
      ['2026-06-30T22:59:59.999Z', '2026-06-30', 48],
      ['2026-06-30T23:00:00Z', '2026-07-01', 1],
      ['2026-07-01T00:10:00+01:00', '2026-07-01', 1],
      ['2026-10-24T22:59:59.999Z', '2026-10-24', 48],
      ['2026-10-24T23:00:00Z', '2026-10-25', 1],
      ['2026-10-25T01:30:00+01:00', '2026-10-25', 4],
      ['2026-10-25T01:30:00+00:00', '2026-10-25', 6],
      ['2026-10-25T23:59:59.999Z', '2026-10-25', 50],
      ['2026-10-26T00:00:00Z', '2026-10-26', 1],
      ['2018-12-31T23:59:59Z', '2018-12-31', 48],
      ['2019-01-01T00:00:00Z', '2019-01-01', 1],
    ]
    for (const [instant, settlementDate, settlementPeriod] of cases) {
      assert.deepEqual(periodAt(instant), { settlementDate, settlementPeriod }, instant)
    }
    assert.deepEqual(periodAt('2026-10-25T01:30:00+00:00', 15), {
      settlementDate: '2026-10-25',
      settlementPeriod: 11,
    })
    assert.deepEqual(periodAt(new Date('2026-06-30T23:00:00Z')), {
      settlementDate: '2026-07-01',
      settlementPeriod: 1,
    })
    const londonWallClock = DateTime.fromISO('2026-03-29T02:00:00', { zone: 'Europe/London' })
    assert.deepEqual(periodAt(londonWallClock), {
      settlementDate: '2026-03-29',
      settlementPeriod: 3,
    })
    for (const bad of ['2026-10-25T01:30:00', 'nonsense', new Date(Number.NaN)]) {
      assert.throws(() => periodAt(bad), CalendarError)
    }
  })
})

test.group('settlement calendar | parsing and formatting', () => {
  test('parseSettlementDate accepts only real yyyy-MM-dd dates', ({ assert }) => {
    assert.equal(parseSettlementDate('2026-03-29'), '2026-03-29')
    assert.equal(parseSettlementDate('2028-02-29'), '2028-02-29')
    for (const bad of ['', '2026-3-29', '2026-02-29', '2026-13-01', '2026-00-10', '29/03/2026']) {
      assert.throws(() => parseSettlementDate(bad), CalendarError)
    }
    for (const bad of ['2026-03-29T00:00:00Z', ' 2026-03-29', '20260329', '2026-04-31']) {
      assert.throws(() => parseSettlementDate(bad), CalendarError)
    }
    const error = catchError(() => parseSettlementDate('2026-02-30'))
    assert.equal(error.field, 'settlementDate')
    assert.equal(
      error.message,
      'settlementDate must be a date in the form yyyy-MM-dd, got "2026-02-30"'
    )
  })

  test('parseSettlementPeriod checks the range of that day', ({ assert }) => {
    assert.equal(parseSettlementPeriod(1, '2026-03-29'), 1)
    assert.equal(parseSettlementPeriod('46', '2026-03-29'), 46)
    assert.equal(parseSettlementPeriod('50', '2026-10-25'), 50)
    assert.equal(parseSettlementPeriod(100, '2026-10-25', 15), 100)
    assert.equal(parseSettlementPeriod(276, '2026-03-29', 5), 276)
    const invalid: Array<[string | number, string, PeriodMinutes, string]> = [
      [0, '2026-03-29', 30, 'between 1 and 46 on 2026-03-29, got 0'],
      [47, '2026-03-29', 30, 'between 1 and 46 on 2026-03-29, got 47'],
      [49, '2026-03-28', 30, 'between 1 and 48 on 2026-03-28, got 49'],
      [51, '2026-10-25', 30, 'between 1 and 50 on 2026-10-25, got 51'],
      [97, '2026-06-15', 15, 'between 1 and 96 on 2026-06-15, got 97'],
      [1.5, '2026-06-15', 30, 'between 1 and 48 on 2026-06-15, got 1.5'],
      ['1.5', '2026-06-15', 30, 'between 1 and 48 on 2026-06-15, got "1.5"'],
      ['abc', '2026-06-15', 30, 'between 1 and 48 on 2026-06-15, got "abc"'],
      ['', '2026-06-15', 30, 'between 1 and 48 on 2026-06-15, got ""'],
      [' 1', '2026-06-15', 30, 'between 1 and 48 on 2026-06-15, got " 1"'],
      [-1, '2026-06-15', 30, 'between 1 and 48 on 2026-06-15, got -1'],
      [Number.NaN, '2026-06-15', 30, 'between 1 and 48 on 2026-06-15, got NaN'],
    ]
    for (const [value, date, len, message] of invalid) {
      const error = catchError(() => parseSettlementPeriod(value, date, len))
      assert.equal(error.field, 'settlementPeriod')
      assert.equal(error.message, `settlementPeriod must be ${message}`)
    }
    assert.throws(() => periodStartUtc('2026-03-29', 47), CalendarError)
    assert.throws(() => periodsInDay('2026-03-29', 60 as PeriodMinutes), CalendarError)
  })

  test('formatSettlementDate and toUtcIso', ({ assert }) => {
    assert.equal(formatSettlementDate(new Date('2026-06-30T23:30:00Z')), '2026-07-01')
    assert.equal(formatSettlementDate(new Date('2026-12-31T23:59:59Z')), '2026-12-31')
    assert.equal(formatSettlementDate(DateTime.fromISO('2026-03-29T00:30:00Z')), '2026-03-29')
    assert.equal(
      toUtcIso(DateTime.fromISO('2026-03-29T02:00:00.500+01:00')),
      '2026-03-29T01:00:00Z'
    )
    assert.throws(() => toUtcIso(DateTime.invalid('test')), CalendarError)
  })

  test('datesBetween is inclusive and refuses reversed ranges', ({ assert }) => {
    assert.deepEqual(datesBetween('2026-03-28', '2026-03-31'), [
      '2026-03-28',
      '2026-03-29',
      '2026-03-30',
      '2026-03-31',
    ])
    assert.deepEqual(datesBetween('2026-10-25', '2026-10-25'), ['2026-10-25'])
    assert.deepEqual(datesBetween('2028-02-28', '2028-03-01'), [
      '2028-02-28',
      '2028-02-29',
      '2028-03-01',
    ])
    assert.throws(() => datesBetween('2026-03-29', '2026-03-28'), CalendarError)
    assert.equal(catchError(() => datesBetween('2026-02-30', '2026-03-01')).field, 'from')
  })
})

function catchError(fn: () => unknown): CalendarError {
  try {
    fn()
  } catch (error) {
    if (error instanceof CalendarError) return error
    throw error
  }
  throw new Error('expected a CalendarError')
}
