/**
 * RFC 4180 CSV, shared by every importer and download. Parsing keeps the
 * 1-based line number of each record so errors can name the line; quoted
 * fields may contain commas, quotes ("") and newlines.
 */
export interface CsvRecord {
  line: number
  values: Record<string, string>
}

export class CsvError extends Error {
  constructor(
    readonly line: number,
    message: string
  ) {
    super(`line ${line}: ${message}`)
  }
}

function splitRecords(text: string): { line: number; fields: string[] }[] {
  const records: { line: number; fields: string[] }[] = []
  let fields: string[] = []
  let field = ''
  let quoted = false
  let line = 1
  let recordLine = 1
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"'
        i++
      } else if (ch === '"') {
        quoted = false
      } else {
        if (ch === '\n') line++
        field += ch
      }
    } else if (ch === '"' && field === '') {
      quoted = true
    } else if (ch === ',') {
      fields.push(field)
      field = ''
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++
      fields.push(field)
      records.push({ line: recordLine, fields })
      fields = []
      field = ''
      line++
      recordLine = line
    } else {
      field += ch
    }
  }
  if (quoted) throw new CsvError(recordLine, 'unterminated quoted field')
  if (field !== '' || fields.length > 0) {
    fields.push(field)
    records.push({ line: recordLine, fields })
  }
  return records.filter((record) => !(record.fields.length === 1 && record.fields[0].trim() === ''))
}

/** Parses CSV with a header row into records keyed by header name. */
export function parseCsv(text: string): { header: string[]; records: CsvRecord[] } {
  const [head, ...body] = splitRecords(text.replace(/^\uFEFF/, ''))
  if (!head) throw new CsvError(1, 'the file is empty (a header row is required)')
  const header = head.fields.map((name) => name.trim())
  const duplicate = header.find((name, index) => header.indexOf(name) !== index)
  if (duplicate) throw new CsvError(head.line, `column "${duplicate}" appears twice in the header`)
  const records = body.map(({ line, fields }) => {
    if (fields.length !== header.length) {
      throw new CsvError(line, `expected ${header.length} fields, found ${fields.length}`)
    }
    const values: Record<string, string> = {}
    header.forEach((name, index) => (values[name] = fields[index]))
    return { line, values }
  })
  return { header, records }
}

function quote(value: unknown): string {
  if (value === null || value === undefined) return ''
  const text = typeof value === 'string' ? value : String(value)
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/** One CSV line (with trailing CRLF) for the given values. */
export function csvLine(values: unknown[]): string {
  return values.map(quote).join(',') + '\r\n'
}

/** Serialises rows under the given columns, header first. */
export function toCsv(columns: string[], rows: Record<string, unknown>[]): string {
  return (
    csvLine(columns) + rows.map((row) => csvLine(columns.map((column) => row[column]))).join('')
  )
}
