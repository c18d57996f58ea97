/**
 * Response bodies in the contract's three envelopes — `{data}` for /datasets,
 * `{data, metadata: {datasets}}` for use-case endpoints, a bare array for
 * /stream and reference lists — as JSON, CSV (Elexon's PascalCase headers)
 * or XML. JSON is assembled from the stored row JSON without re-parsing it.
 */
import { csvLine } from '#core/csv/csv'
import type { FieldDefinition } from '#insights/datasets/definition'
import type { Format } from './params.js'
import { toXml } from './xml.js'

export type Envelope =
  { kind: 'data' } | { kind: 'metadata'; datasets: string[] } | { kind: 'array' }

export interface Body {
  contentType: string
  body: Buffer
  /** Our pagination: sent as the X-Next-Cursor header when more rows follow. */
  nextCursor?: string
}

const CONTENT_TYPES: Record<Format, string> = {
  json: 'application/json; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  xml: 'application/xml; charset=utf-8',
}

export function jsonEnvelope(rowsJson: string, envelope: Envelope): string {
  if (envelope.kind === 'array') return rowsJson
  if (envelope.kind === 'data') return `{"data":${rowsJson}}`
  return `{"data":${rowsJson},"metadata":${JSON.stringify({ datasets: envelope.datasets })}}`
}

function pascal(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1)
}

/** CSV columns: scalar fields as they are, object members as `PairVolumes.Negative1`, lists as JSON text. */
export function csvColumns(
  fields: FieldDefinition[]
): { header: string; read: (row: any) => unknown }[] {
  return fields.flatMap((field) => {
    if (field.type === 'object') {
      return field.fields!.map((member) => ({
        header: `${pascal(field.name)}.${pascal(member.name)}`,
        read: (row: any) => row[field.name]?.[member.name],
      }))
    }
    if (field.type === 'array') {
      return [
        {
          header: pascal(field.name),
          read: (row: any) =>
            row[field.name] === null || row[field.name] === undefined
              ? null
              : JSON.stringify(row[field.name]),
        },
      ]
    }
    return [{ header: pascal(field.name), read: (row: any) => row[field.name] }]
  })
}

export function toCsvBody(fields: FieldDefinition[], rows: Record<string, unknown>[]): string {
  const columns = csvColumns(fields)
  let out = csvLine(columns.map((column) => column.header))
  for (const row of rows) out += csvLine(columns.map((column) => column.read(row)))
  return out
}

/** Serialises rows held as JSON texts (the stored payloads). */
export function renderPayloads(
  payloads: string[],
  envelope: Envelope,
  format: Format,
  fields: FieldDefinition[]
): Body {
  if (format === 'json') {
    return {
      contentType: CONTENT_TYPES.json,
      body: Buffer.from(jsonEnvelope(`[${payloads.join(',')}]`, envelope)),
    }
  }
  return renderRows(
    payloads.map((payload) => JSON.parse(payload)),
    envelope,
    format,
    fields
  )
}

/** Serialises rows held as objects. */
export function renderRows(
  rows: unknown[],
  envelope: Envelope,
  format: Format,
  fields: FieldDefinition[]
): Body {
  if (format === 'csv') {
    return {
      contentType: CONTENT_TYPES.csv,
      body: Buffer.from(toCsvBody(fields, rows as Record<string, unknown>[])),
    }
  }
  const body =
    envelope.kind === 'array'
      ? rows
      : envelope.kind === 'data'
        ? { data: rows }
        : { data: rows, metadata: { datasets: envelope.datasets } }
  if (format === 'xml') return { contentType: CONTENT_TYPES.xml, body: Buffer.from(toXml(body)) }
  return { contentType: CONTENT_TYPES.json, body: Buffer.from(JSON.stringify(body)) }
}
