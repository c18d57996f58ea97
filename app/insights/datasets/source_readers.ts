/**
 * Reads an import file into source records with the line each came from:
 * Elexon API JSON (`{data:[…]}` or a bare array), API-shaped CSV (Elexon's
 * PascalCase headers or our camelCase ones), or CSV in a registered layout.
 */
import { CsvError, parseCsv } from '#core/csv/csv'
import type { DatasetDefinition } from './definition.js'
import { ImportError, type SourceRecord } from './import_error.js'
import { applyLayout, layoutMatches, stripLegacyBmrs, type Layout } from './layout.js'
import { registry } from './registry.js'

function lineAt(text: string, position: number): number {
  let line = 1
  for (let i = 0; i < position && i < text.length; i++) if (text.charCodeAt(i) === 10) line++
  return line
}

/**
 * Start lines of the records array's elements: the root array, or the array
 * under the root object's "data" key. One pass, strings skipped.
 */
function elementLines(text: string): number[] {
  const lines: number[] = []
  const stack: string[] = []
  let recordsDepth = -1
  let line = 1
  let key = ''
  let lastString = ''
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]
    if (ch === '\n') line++
    else if (ch === '"') {
      if (recordsDepth >= 0 && stack.length === recordsDepth + 1) lines.push(line)
      let j = i + 1
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1
      lastString = text.slice(i + 1, j)
      i = j
    } else if (ch === ':' && stack.length === 1) key = lastString
    else if (ch === '{' || ch === '[') {
      if (recordsDepth >= 0 && stack.length === recordsDepth + 1) lines.push(line)
      stack.push(ch)
      const isRecords =
        ch === '[' &&
        (stack.length === 1 || (stack.length === 2 && stack[0] === '{' && key === 'data'))
      if (recordsDepth < 0 && isRecords) recordsDepth = stack.length - 1
    } else if (ch === '}' || ch === ']') stack.pop()
    else if (recordsDepth >= 0 && stack.length === recordsDepth + 1 && !/[\s,]/.test(ch)) {
      // A scalar element (not an object): remember its line so the error can name it.
      lines.push(line)
      while (i + 1 < text.length && !/[\s,\]]/.test(text[i + 1])) i++
    }
  }
  return lines
}

export function readJson(text: string): SourceRecord[] {
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch (error) {
    const message = (error as Error).message
    const position = /position (\d+)/.exec(message)
    throw new ImportError(
      position ? lineAt(text, Number(position[1])) : 1,
      '(json)',
      `not valid JSON: ${message}`
    )
  }
  const records = Array.isArray(parsed) ? parsed : (parsed as any)?.data
  if (!Array.isArray(records)) {
    throw new ImportError(1, '(json)', 'expected {"data": [...]} or a JSON array of records')
  }
  const lines = elementLines(text)
  return records.map((values, index) => {
    const line = lines[index] ?? 1
    if (typeof values !== 'object' || values === null || Array.isArray(values)) {
      throw new ImportError(line, `(record ${index + 1})`, 'each record must be a JSON object')
    }
    return { line, values }
  })
}

/** Maps CSV headers to field names case-insensitively (`SettlementPeriod` → `settlementPeriod`). */
function apiShapedCsv(definition: DatasetDefinition, text: string): SourceRecord[] {
  const { header, records } = parseCsv(text)
  const names = new Map<string, string>()
  for (const field of definition.fields) {
    names.set(field.name.toLowerCase(), field.name)
    for (const member of field.type === 'object' ? field.fields! : []) {
      names.set(`${field.name}.${member.name}`.toLowerCase(), `${field.name}.${member.name}`)
    }
  }
  const mapped = header.map((column) => {
    const name = names.get(column.toLowerCase())
    if (!name) {
      throw new ImportError(
        1,
        column,
        `unknown column for ${definition.code} (expected field names such as ${definition.fields
          .map((f) => f.name)
          .slice(0, 4)
          .join(', ')})`
      )
    }
    return name
  })
  return records.map(({ line, values }) => {
    const out: Record<string, unknown> = {}
    header.forEach((column, index) => (out[mapped[index]] = values[column]))
    return { line, values: out }
  })
}

function withCsvErrors<T>(fn: () => T): T {
  try {
    return fn()
  } catch (error) {
    if (error instanceof CsvError)
      throw new ImportError(error.line, '(csv)', error.message.replace(/^line \d+: /, ''))
    throw error
  }
}

function findLayout(
  definition: DatasetDefinition,
  text: string
): { layout: Layout; text: string } | undefined {
  for (const layout of registry().layouts.filter((l) => l.dataset === definition.code)) {
    const prepared = layout.legacyBmrs
      ? text.trimStart().startsWith('*')
        ? stripLegacyBmrs(text)
        : undefined
      : text
    if (prepared === undefined) continue
    const firstLine =
      prepared
        .replace(/^\uFEFF/, '')
        .split(/\r?\n/)
        .find((line) => line.trim() !== '') ?? ''
    if (
      layoutMatches(
        layout,
        firstLine.split(',').map((c) => c.trim())
      )
    )
      return { layout, text: prepared }
  }
  return undefined
}

/** Reads a whole file for a dataset, choosing JSON, a layout or API-shaped CSV by its content. */
export function readSource(
  definition: DatasetDefinition,
  text: string
): { records: SourceRecord[]; layout?: string } {
  const first = text.replace(/^\uFEFF/, '').trimStart()[0]
  if (first === '{' || first === '[') return { records: readJson(text) }
  return withCsvErrors(() => {
    const found = findLayout(definition, text)
    if (!found) return { records: apiShapedCsv(definition, text) }
    const { header, records } = parseCsv(found.text)
    return {
      records: applyLayout(found.layout, definition, records, header),
      layout: found.layout.name,
    }
  })
}
