import { test } from '@japa/runner'
import { FileFormatError, parseInputFile } from '#settlement/ingestion/parse_file'

test.group('Input file parsing', () => {
  test('CSV records carry the line they start on; quoted line breaks count', ({ assert }) => {
    const text = 'partyId,partyName\nA,"Alpha\nTrading"\r\n\nB,Beta\n'
    const records = parseInputFile('parties.csv', text)
    assert.deepEqual(records, [
      { line: 2, data: { partyId: 'A', partyName: 'Alpha\nTrading' } },
      { line: 5, data: { partyId: 'B', partyName: 'Beta' } },
    ])
  })

  test('empty CSV cells are absent fields', ({ assert }) => {
    const [record] = parseInputFile('mvrn.csv', 'bmUnit,fixedVolume,percentage\nT_A-1,,10\n')
    assert.deepEqual(record.data, { bmUnit: 'T_A-1', percentage: '10' })
  })

  test('CSV structure errors name the file and line', ({ assert }) => {
    assert.throws(
      () => parseInputFile('bod.csv', 'a,b\n1,2\n3\n'),
      'bod.csv line 3: expected 2 fields, found 1'
    )
    assert.throws(() => parseInputFile('x.csv', 'a,b\n1,"2\n'), /x.csv line 2: .*quoted/)
    assert.throws(() => parseInputFile('x.csv', ''), FileFormatError)
  })

  test('JSON arrays and the Insights envelope give each record its line', ({ assert }) => {
    const array = '[\n  {"a": 1},\n  {\n    "a": "x,[]{}"\n  }\n]'
    assert.deepEqual(
      parseInputFile('f.json', array).map((r) => r.line),
      [2, 3]
    )
    const envelope =
      '{\n "meta": {"data": [9]},\n "data": [\n  {"a": 1}, {"a": 2},\n  {"a": "\\"}"}\n ]\n}'
    const records = parseInputFile('f.json', envelope)
    assert.deepEqual(
      records.map((r) => r.line),
      [4, 4, 5]
    )
    assert.deepEqual(records[2].data, { a: '"}' })
  })

  test('JSON nulls are absent fields', ({ assert }) => {
    const [record] = parseInputFile('d.json', '[{"partyId": null, "id": 3}]')
    assert.deepEqual(record.data, { id: 3 })
  })

  test('malformed JSON names the line of the error', ({ assert }) => {
    assert.throws(
      () => parseInputFile('mid.json', '[\n {"a": 1},\n {"a": }\n]'),
      /mid.json line 3: not valid JSON/
    )
    assert.throws(
      () => parseInputFile('mid.json', '{"rows": []}'),
      /must be an array of records or an object with a "data" array/
    )
    assert.throws(() => parseInputFile('mid.json', '[1]'), /record 1 is not an object/)
  })
})
