import { test } from '@japa/runner'
import {
  CalendarError,
  ENGLAND_AND_WALES_BANK_HOLIDAYS,
  addWorkingDays,
  isWorkingDay,
  workingDaysBetween,
} from '#core/calendar/index'

const YEARS = Array.from({ length: 12 }, (_, i) => 2017 + i)

/** yyyy-MM-dd of a UTC calendar date; month is 1-based. */
const ymd = (y: number, m: number, d: number) =>
  new Date(Date.UTC(y, m - 1, d)).toISOString().slice(0, 10)
const weekday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay() // 0 = Sunday
const isWeekend = (date: string) => weekday(date) === 0 || weekday(date) === 6

/** Easter Sunday, anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
function easter(y: number): [number, number] {
  const a = y % 19
  const b = Math.floor(y / 100)
  const c = y % 100
  const g = Math.floor((b - Math.floor((b + 8) / 25) + 1) / 3)
  const h = (19 * a + b - Math.floor(b / 4) - g + 15) % 30
  const l = (32 + 2 * (b % 4) + 2 * Math.floor(c / 4) - h - (c % 4)) % 7
  const m = Math.floor((a + 11 * h + 22 * l) / 451)
  return [Math.floor((h + l - 7 * m + 114) / 31), ((h + l - 7 * m + 114) % 31) + 1]
}

/** The first or last Monday of a month. */
function monday(y: number, month: number, which: 'first' | 'last'): string {
  let d = which === 'first' ? 1 : new Date(Date.UTC(y, month, 0)).getUTCDate() - 6
  while (weekday(ymd(y, month, d)) !== 1) d++
  return ymd(y, month, d)
}

/** Fixed-date holidays falling on a weekend move to the next weekday not already taken. */
function substituted(dates: string[]): string[] {
  const taken: string[] = []
  for (const date of dates) {
    let d = date
    while (isWeekend(d) || taken.includes(d))
      d = ymd(+d.slice(0, 4), +d.slice(5, 7), +d.slice(8) + 1)
    taken.push(d)
  }
  return taken
}

/** The standing rules, plus the announced one-off changes. */
function expectedHolidays(y: number): string[] {
  const [em, ed] = easter(y)
  let days = [
    ...substituted([ymd(y, 1, 1)]),
    ymd(y, em, ed - 2),
    ymd(y, em, ed + 1),
    monday(y, 5, 'first'),
    monday(y, 5, 'last'),
    monday(y, 8, 'last'),
    ...substituted([ymd(y, 12, 25), ymd(y, 12, 26)]),
  ]
  const oneOffs: Record<number, { drop?: string; add: string[] }> = {
    2020: { drop: '2020-05-04', add: ['2020-05-08'] },
    2022: { drop: '2022-05-30', add: ['2022-06-02', '2022-06-03', '2022-09-19'] },
    2023: { add: ['2023-05-08'] },
  }
  if (oneOffs[y]) days = [...days.filter((d) => d !== oneOffs[y].drop), ...oneOffs[y].add]
  return days.sort()
}

test.group('working days | bank holiday data', () => {
  test('the list matches the standing rules and the one-off changes, 2017–2028', ({ assert }) => {
    for (const y of YEARS) {
      const listed = ENGLAND_AND_WALES_BANK_HOLIDAYS.filter((d) => d.startsWith(`${y}-`))
      assert.deepEqual(listed, expectedHolidays(y), String(y))
    }
    assert.deepEqual(easter(2026), [4, 5])
    assert.deepEqual(easter(2024), [3, 31])
  })

  test('the list is sorted, unique, on weekdays, with the expected count per year', ({
    assert,
  }) => {
    const list = [...ENGLAND_AND_WALES_BANK_HOLIDAYS]
    assert.deepEqual(list, [...new Set(list)].sort())
    assert.deepEqual(list.filter(isWeekend), [])
    const perYear = YEARS.map((y) => list.filter((d) => d.startsWith(`${y}-`)).length)
    assert.deepEqual(perYear, [8, 8, 8, 8, 8, 10, 9, 8, 8, 8, 8, 8])
    for (const special of ['2022-06-02', '2022-06-03', '2022-09-19', '2023-05-08', '2020-05-08']) {
      assert.include(list, special)
    }
  })
})

test.group('working days | arithmetic', () => {
  test('isWorkingDay', ({ assert }) => {
    const cases: Array<[string, boolean]> = [
      ['2026-03-27', true],
      ['2026-03-28', false],
      ['2026-03-29', false],
      ['2026-04-03', false],
      ['2026-04-06', false],
      ['2022-09-19', false],
      ['2022-09-20', true],
      ['2020-05-04', true],
      ['2020-05-08', false],
      ['2022-05-30', true],
      ['2022-12-26', false],
      ['2022-12-27', false],
      ['2026-12-28', false],
      ['2026-12-29', true],
    ]
    for (const [date, expected] of cases) assert.equal(isWorkingDay(date), expected, date)
  })

  test('addWorkingDays skips weekends and holidays, both ways', ({ assert }) => {
    const cases: Array<[string, number, string]> = [
      ['2022-12-23', 1, '2022-12-28'],
      ['2020-12-24', 1, '2020-12-29'],
      ['2026-12-24', 1, '2026-12-29'],
      ['2022-09-16', 1, '2022-09-20'],
      ['2023-05-05', 1, '2023-05-09'],
      ['2022-06-01', 1, '2022-06-06'],
      ['2026-04-02', 1, '2026-04-07'],
      ['2026-03-28', 1, '2026-03-30'],
      ['2026-03-29', 0, '2026-03-29'],
      ['2026-03-29', 16, '2026-04-22'],
      ['2026-04-07', -1, '2026-04-02'],
      ['2026-04-22', -16, '2026-03-27'],
      ['2027-12-24', 1, '2027-12-29'],
    ]
    for (const [date, n, expected] of cases) {
      assert.equal(addWorkingDays(date, n), expected, `${date} ${n}`)
    }
  })

  test('workingDaysBetween counts (a, b] and inverts addWorkingDays', ({ assert }) => {
    assert.equal(workingDaysBetween('2026-03-29', '2026-04-22'), 16)
    assert.equal(workingDaysBetween('2026-04-02', '2026-04-07'), 1)
    assert.equal(workingDaysBetween('2026-04-02', '2026-04-02'), 0)
    assert.equal(workingDaysBetween('2017-01-01', '2017-12-31'), 252)
    assert.equal(workingDaysBetween('2021-12-31', '2022-12-31'), 250)
    assert.equal(workingDaysBetween('2025-12-31', '2026-12-31'), 253)
    for (const start of ['2022-05-27', '2022-12-23', '2026-03-29', '2026-12-24']) {
      for (let n = 0; n <= 30; n++) {
        assert.equal(workingDaysBetween(start, addWorkingDays(start, n)), n, `${start}+${n}`)
      }
    }
  })

  test('bad input and dates outside the known years are refused', ({ assert }) => {
    assert.throws(() => workingDaysBetween('2026-04-07', '2026-04-02'), CalendarError)
    assert.throws(() => addWorkingDays('2026-04-07', 1.5), CalendarError)
    assert.throws(() => isWorkingDay('2026-02-30'), CalendarError)
    assert.throws(() => isWorkingDay('2016-12-30'), CalendarError)
    assert.throws(() => addWorkingDays('2028-12-29', 1), /only known for 2017–2028/)
    assert.equal(addWorkingDays('2028-12-22', 1), '2028-12-27')
  })
})
