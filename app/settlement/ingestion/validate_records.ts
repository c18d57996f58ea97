import vine, { errors, SimpleMessagesProvider } from '@vinejs/vine'
import {
  CalendarError,
  dayStartUtc,
  parseSettlementDate,
  parseSettlementPeriod,
} from '#core/calendar/index'
import type { DatasetSpec } from './datasets.js'
import type { SourceRecord } from './parse_file.js'

/**
 * Validates every record of a file (all or nothing): field types with VineJS,
 * dates and periods with the settlement calendar, instants inside their
 * period, duplicate keys, and references to BM Units, accounts and parties.
 * Problems name the file, line and field; validation stops after a handful.
 */
export interface ImportProblem {
  line: number | null
  field: string | null
  message: string
}

export class ImportRejected extends Error {
  constructor(
    readonly file: string,
    readonly problems: ImportProblem[]
  ) {
    super(problems.map((problem) => formatProblem(file, problem)).join('\n'))
    this.name = 'ImportRejected'
  }
}

export function formatProblem(file: string, { line, field, message }: ImportProblem): string {
  return `${file}${line ? ` line ${line}` : ''}${field ? `, field "${field}"` : ''}: ${message}`
}

export interface ValidRecord {
  line: number
  record: Record<string, any>
}

/** What the reference tables hold, for reference checks. */
export interface ReferenceLookups {
  /** BM Unit id → effective ranges [from, to | null] */
  bmUnits: Map<string, [string, string | null][]>
  accounts: Set<string>
  parties: Set<string>
}

const MAX_PROBLEMS = 10
const PERIOD_MS = 30 * 60_000
const DATE_FIELDS = ['settlementDate', 'effectiveFrom', 'effectiveTo']
const INSTANT_FIELDS = ['timeFrom', 'timeTo', 'acceptanceTime']
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|\+00:00)$/

const messages = new SimpleMessagesProvider({
  required: 'is required',
  string: 'must be text',
  number: 'must be a number',
  boolean: 'must be true or false',
  withoutDecimals: 'must be a whole number',
  minLength: 'must not be empty',
  maxLength: 'must be at most {{ max }} characters',
  min: 'must be at least {{ min }}',
  max: 'must be at most {{ max }}',
  enum: 'must be one of {{ choices }}',
  unionOfTypes: 'must be a list of roles or text',
  array: 'must be a list',
})

/** Calendar errors name their field first ("settlementPeriod must be …"): keep the rest. */
function calendarMessage(error: CalendarError): string {
  return error.message.startsWith(`${error.field} `)
    ? error.message.slice(error.field.length + 1)
    : error.message
}

function normaliseInstant(value: string): string {
  return new Date(value).toISOString().replace('.000Z', 'Z')
}

export async function validateRecords(
  spec: DatasetSpec,
  file: string,
  records: SourceRecord[],
  lookups: ReferenceLookups
): Promise<ValidRecord[]> {
  const validator = vine.compile(spec.schema)
  const problems: ImportProblem[] = []
  const valid: ValidRecord[] = []
  const seen = new Map<string, number>()
  const dayStarts = new Map<string, number>()
  const report = (line: number | null, field: string | null, message: string) => {
    problems.push({ line, field, message })
  }

  for (const { line, data } of records) {
    if (problems.length >= MAX_PROBLEMS) break
    let record: Record<string, any>
    try {
      record = await validator.validate(data, { messagesProvider: messages })
    } catch (error) {
      if (!(error instanceof errors.E_VALIDATION_ERROR)) throw error
      for (const item of error.messages as { field: string; message: string }[])
        report(line, item.field, item.message)
      continue
    }
    const problem =
      checkCalendar(spec, record, dayStarts) ??
      spec.rowCheck?.(record) ??
      checkReferences(spec, record, lookups)
    if (problem) {
      report(line, problem[0], problem[1])
      continue
    }
    const key = spec.key.map((field) => record[field]).join('\u0000')
    const earlier = seen.get(key)
    if (earlier !== undefined) {
      report(
        line,
        spec.key[spec.key.length - 1],
        `duplicates the row on line ${earlier} (${spec.key.join(', ')})`
      )
      continue
    }
    seen.set(key, line)
    valid.push({ line, record })
  }
  if (problems.length) throw new ImportRejected(file, problems.slice(0, MAX_PROBLEMS))
  if (valid.length === 0)
    throw new ImportRejected(file, [
      { line: null, field: null, message: 'the file has no records' },
    ])
  return valid
}

/** Returns [field, message] for the first calendar problem; normalises dates, periods and instants in place. */
function checkCalendar(
  spec: DatasetSpec,
  record: Record<string, any>,
  dayStarts: Map<string, number>
): [string, string] | undefined {
  try {
    for (const field of DATE_FIELDS) {
      if (record[field] !== undefined) record[field] = parseSettlementDate(record[field], field)
    }
    if (spec.hasPeriod)
      record.settlementPeriod = parseSettlementPeriod(
        record.settlementPeriod,
        record.settlementDate
      )
  } catch (error) {
    if (error instanceof CalendarError) return [error.field, calendarMessage(error)]
    throw error
  }
  if (record.effectiveTo !== undefined && record.effectiveTo < record.effectiveFrom) {
    return ['effectiveTo', 'must not be before effectiveFrom']
  }
  for (const field of INSTANT_FIELDS) {
    if (record[field] === undefined) continue
    if (!INSTANT.test(record[field]) || Number.isNaN(Date.parse(record[field]))) {
      return [
        field,
        `must be an ISO UTC date-time like 2026-01-15T00:30:00Z, got "${record[field]}"`,
      ]
    }
    record[field] = normaliseInstant(record[field])
  }
  if (!spec.times) return
  const [fromField, toField] = spec.times.fields
  const from = Date.parse(record[fromField])
  const to = Date.parse(record[toField])
  if (to < from) return [toField, `must not be before ${fromField}`]
  if (spec.times.withinPeriod) {
    let dayStart = dayStarts.get(record.settlementDate)
    if (dayStart === undefined) {
      dayStart = dayStartUtc(record.settlementDate).toMillis()
      dayStarts.set(record.settlementDate, dayStart)
    }
    const start = dayStart + (record.settlementPeriod - 1) * PERIOD_MS
    if (from < start || to > start + PERIOD_MS) {
      const field = from < start || from > start + PERIOD_MS ? fromField : toField
      return [
        field,
        `must lie within settlement period ${record.settlementPeriod} of ${record.settlementDate}`,
      ]
    }
  }
}

function checkReferences(
  spec: DatasetSpec,
  record: Record<string, any>,
  lookups: ReferenceLookups
): [string, string] | undefined {
  for (const field of spec.references.bmUnits ?? []) {
    const ranges = lookups.bmUnits.get(record[field])
    if (!ranges) return [field, `unknown BM Unit "${record[field]}"`]
    const day = record.settlementDate
    if (day && !ranges.some(([from, to]) => from <= day && (to === null || day <= to))) {
      return [field, `BM Unit "${record[field]}" is not registered on ${day}`]
    }
  }
  for (const field of spec.references.accounts ?? []) {
    if (!lookups.accounts.has(record[field]))
      return [field, `unknown energy account "${record[field]}"`]
  }
  for (const field of spec.references.parties ?? []) {
    if (!lookups.parties.has(record[field])) return [field, `unknown BSC Party "${record[field]}"`]
  }
}
