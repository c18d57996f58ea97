import { test } from '@japa/runner'
import { parseCsv, toCsv, CsvError } from '#core/csv/csv'

test.group('CSV', () => {
  test('parses a header and records with line numbers', ({ assert }) => {
    const { header, records } = parseCsv('a,b\n1,2\r\n3,4\n')
    assert.deepEqual(header, ['a', 'b'])
    assert.deepEqual(records, [
      { line: 2, values: { a: '1', b: '2' } },
      { line: 3, values: { a: '3', b: '4' } },
    ])
  })

  test('handles quotes, embedded commas, newlines and a BOM', ({ assert }) => {
    const { records } = parseCsv('\uFEFFname,note\n"Smith, J","said ""hi""\nthen left"\nx,y\n')
    assert.deepEqual(records[0].values, { name: 'Smith, J', note: 'said "hi"\nthen left' })
    assert.equal(records[1].line, 4)
  })

  test('names the line of a short record', ({ assert }) => {
    assert.throws(() => parseCsv('a,b\n1,2\n3\n'), 'line 3: expected 2 fields, found 1')
  })

  test('rejects an empty file, duplicate columns and an open quote', ({ assert }) => {
    assert.throws(() => parseCsv(''), /empty/)
    assert.throws(() => parseCsv('a,a\n1,2'), /appears twice/)
    assert.throws(() => parseCsv('a\n"open'), CsvError)
  })

  test('round-trips through toCsv', ({ assert }) => {
    const rows = [
      { a: 'x,y', b: 'say "q"', c: null },
      { a: 1, b: 2.5, c: true },
    ]
    const text = toCsv(['a', 'b', 'c'], rows)
    assert.equal(text, 'a,b,c\r\n"x,y","say ""q""",\r\n1,2.5,true\r\n')
    assert.deepEqual(
      parseCsv(text).records.map((r) => r.values),
      [
        { a: 'x,y', b: 'say "q"', c: '' },
        { a: '1', b: '2.5', c: 'true' },
      ]
    )
  })
})
