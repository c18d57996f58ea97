import { CsvError, parseCsv as parseCsvText } from '#core/csv/csv'

/**
 * Reads an input file (CSV with a header row, or JSON: an array or Elexon's
 * `{ data: [...] }` envelope) into records that remember the line they start
 * on, so every validation error can name file, line and field.
 */
export interface SourceRecord {
  line: number
  data: Record<string, unknown>
}

export class FileFormatError extends Error {
  constructor(
    readonly file: string,
    readonly line: number | null,
    detail: string
  ) {
    super(`${file}${line ? ` line ${line}` : ''}: ${detail}`)
    this.name = 'FileFormatError'
  }
}

export function parseInputFile(file: string, text: string): SourceRecord[] {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  const first = body.trimStart()[0]
  if (file.toLowerCase().endsWith('.json') || first === '[' || first === '{')
    return parseJson(file, body)
  return parseCsv(file, body)
}

/** CSV with a header row (the shared RFC 4180 parser); empty cells are absent fields. */
export function parseCsv(file: string, text: string): SourceRecord[] {
  let parsed: ReturnType<typeof parseCsvText>
  try {
    parsed = parseCsvText(text)
  } catch (error) {
    if (error instanceof CsvError)
      throw new FileFormatError(file, error.line, error.message.replace(/^line \d+: /, ''))
    throw error
  }
  if (parsed.header.some((name) => name === ''))
    throw new FileFormatError(file, 1, 'a header cell is empty')
  return parsed.records.map(({ line, values }) => {
    const data: Record<string, unknown> = {}
    for (const [name, value] of Object.entries(values)) {
      const trimmed = value.trim()
      if (trimmed !== '') data[name] = trimmed
    }
    return { line, data }
  })
}

export function parseJson(file: string, text: string): SourceRecord[] {
  let document: unknown
  try {
    document = JSON.parse(text)
  } catch (error) {
    const line = lineAt(text, syntaxErrorOffset(text))
    throw new FileFormatError(
      file,
      line,
      `not valid JSON (${(error as Error).message.split('\n')[0]})`
    )
  }
  const enveloped = !Array.isArray(document)
  const items = enveloped ? (document as { data?: unknown } | null)?.data : document
  if (!Array.isArray(items)) {
    throw new FileFormatError(
      file,
      1,
      'JSON must be an array of records or an object with a "data" array'
    )
  }
  const lines = elementLines(text, enveloped)
  return items.map((item, index) => {
    if (!item || typeof item !== 'object' || Array.isArray(item)) {
      throw new FileFormatError(file, lines[index] ?? null, `record ${index + 1} is not an object`)
    }
    const data: Record<string, unknown> = {}
    for (const [key, value] of Object.entries(item)) if (value !== null) data[key] = value
    return { line: lines[index], data }
  })
}

const NUMBER = /-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y

/** Offset of the first JSON syntax error (V8's messages do not give one). */
function syntaxErrorOffset(text: string): number {
  let i = 0
  const fail = (): never => {
    throw i
  }
  const space = () => {
    while (i < text.length && ' \t\r\n'.includes(text[i])) i++
  }
  const expect = (char: string) => (text[i] === char ? i++ : fail())
  const value = (): void => {
    space()
    const char = text[i]
    if (char === '{' || char === '[') {
      const close = char === '{' ? '}' : ']'
      i++
      space()
      if (text[i] === close) return void i++
      for (;;) {
        if (char === '{') {
          space()
          string()
          space()
          expect(':')
        }
        value()
        space()
        if (text[i] === close) return void i++
        expect(',')
      }
    }
    if (char === '"') return string()
    for (const literal of ['true', 'false', 'null'])
      if (text.startsWith(literal, i)) return void (i += literal.length)
    NUMBER.lastIndex = i
    if (NUMBER.test(text)) return void (i = NUMBER.lastIndex)
    fail()
  }
  const string = () => {
    expect('"')
    while (text[i] !== '"') {
      if (i >= text.length || text.charCodeAt(i) < 0x20) fail()
      i += text[i] === '\\' ? 2 : 1
    }
    i++
  }
  try {
    value()
    space()
    if (i < text.length) fail()
  } catch (offset) {
    return offset as number
  }
  return text.length
}

function lineAt(text: string, offset: number): number {
  let line = 1
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++
  return line
}

/**
 * Line on which each element of the records array starts: the root array,
 * or the array under the root object's "data" key. One pass over the text
 * (already known to be valid JSON), tracking strings and nesting depth.
 */
function elementLines(text: string, enveloped: boolean): number[] {
  const lines: number[] = []
  const stack: string[] = []
  let line = 1
  let lastKey = ''
  let inTarget = false
  let expectValue = false
  for (let i = 0; i < text.length; i++) {
    const char = text[i]
    if (char === '\n') {
      line++
      continue
    }
    if (char === ' ' || char === '\t' || char === '\r') continue
    const targetDepth = enveloped ? 2 : 1
    const atElementStart = inTarget && stack.length === targetDepth && expectValue && char !== ']'
    if (atElementStart) {
      lines.push(line)
      expectValue = false
    }
    if (char === '"') {
      let end = i + 1
      while (text[end] !== '"') end += text[end] === '\\' ? 2 : 1
      if (stack.length === 1 && enveloped && stack[0] === '{')
        lastKey = JSON.parse(text.slice(i, end + 1))
      i = end
    } else if (char === '[' || char === '{') {
      stack.push(char)
      if (char === '[' && stack.length === targetDepth && (!enveloped || lastKey === 'data')) {
        inTarget = true
        expectValue = true
      }
    } else if (char === ']' || char === '}') {
      if (inTarget && stack.length === targetDepth && char === ']') inTarget = false
      stack.pop()
    } else if (char === ',' && inTarget && stack.length === targetDepth) {
      expectValue = true
    }
  }
  return lines
}
