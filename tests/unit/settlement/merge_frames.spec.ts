import { test } from '@japa/runner'
import { mergePeriodFrames } from '#rules_runtime/merge_frames'
import type { ColumnFrame } from '#rules_runtime/stage'

/** Two entities, periods 1–2 in the first range and 3–5 in the second. */
const unitFrame = (values: number[]): ColumnFrame => ({
  axis: 'bmUnit',
  perPeriod: true,
  columns: { qm: Float64Array.from(values) },
})

test.group('mergePeriodFrames', () => {
  test('concatenates entity × period frames in period order', ({ assert }) => {
    const merged = mergePeriodFrames([
      { v: unitFrame([1, 2, 3, 4]) },
      { v: unitFrame([5, 6, 7, 8, 9, 10]) },
    ])
    assert.deepEqual([...merged.v.columns.qm], [1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
    assert.isTrue(merged.v.perPeriod)
  })

  test('concatenates period-axis frames with their labels', ({ assert }) => {
    const range = (prices: number[], codes: string[]): ColumnFrame => ({
      axis: 'period',
      perPeriod: true,
      columns: { price: Float64Array.from(prices) },
      labels: { code: codes },
    })
    const merged = mergePeriodFrames([{ p: range([10, -5], ['P', 'N']) }, { p: range([0], ['N']) }])
    assert.deepEqual([...merged.p.columns.price], [10, -5, 0])
    assert.deepEqual(merged.p.labels!.code, ['P', 'N', 'N'])
  })

  test('rebases the period offsets of item frames, empty periods included', ({ assert }) => {
    const items = (offsets: number[], volume: number[], ids: string[]): ColumnFrame => ({
      axis: 'item',
      perPeriod: false,
      periodOffsets: Int32Array.from(offsets),
      columns: { volume: Float64Array.from(volume) },
      labels: { id: ids },
    })
    const merged = mergePeriodFrames([
      { stack: items([0, 2, 2], [1, -1], ['a', 'b']) },
      { stack: items([0, 0, 1, 3], [4, 5, 6], ['c', 'd', 'e']) },
    ])
    assert.deepEqual([...merged.stack.periodOffsets!], [0, 2, 2, 2, 3, 5])
    assert.deepEqual([...merged.stack.columns.volume], [1, -1, 4, 5, 6])
    assert.deepEqual(merged.stack.labels!.id, ['a', 'b', 'c', 'd', 'e'])
  })

  test('keeps one copy of a day-level frame every range computed alike', ({ assert }) => {
    const day = (): ColumnFrame => ({
      axis: 'party',
      perPeriod: false,
      columns: { n: Float64Array.of(1, Number.NaN) },
    })
    const merged = mergePeriodFrames([{ d: day() }, { d: day() }])
    assert.deepEqual([...merged.d.columns.n], [1, Number.NaN])
  })

  test('rejects a day-level frame that differs between ranges', ({ assert }) => {
    const day = (n: number): ColumnFrame => ({
      axis: 'party',
      perPeriod: false,
      columns: { n: Float64Array.of(n) },
    })
    assert.throws(
      () => mergePeriodFrames([{ d: day(1) }, { d: day(2) }]),
      /differs between period ranges/
    )
  })

  test('rejects ranges with different frames or columns', ({ assert }) => {
    assert.throws(
      () => mergePeriodFrames([{ a: unitFrame([1]) }, { b: unitFrame([1]) }]),
      /different frames/
    )
    const other: ColumnFrame = {
      axis: 'bmUnit',
      perPeriod: true,
      columns: { qm: Int32Array.of(1) },
    }
    assert.throws(
      () => mergePeriodFrames([{ a: unitFrame([1]) }, { a: other }]),
      /different columns/
    )
  })

  test('allocates shared memory for the day task when asked', ({ assert }) => {
    const merged = mergePeriodFrames([{ v: unitFrame([1, 2]) }, { v: unitFrame([3]) }], {
      shared: true,
    })
    assert.instanceOf(merged.v.columns.qm.buffer, SharedArrayBuffer)
  })
})
