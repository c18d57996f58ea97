import { readFileSync } from 'node:fs'
import app from '@adonisjs/core/services/app'
import { Ajv, type ValidateFunction } from 'ajv'
import addFormatsModule from 'ajv-formats'

/**
 * Checks rows against a component schema of Elexon's Insights OpenAPI
 * document (shared/data/real): the shapes Insights republishes settlement
 * outputs in. OpenAPI 3.0 `nullable` is understood by Ajv 8.
 */
const CONTRACT = app.makePath('../shared/data/real/insights-openapi/insights-api-openapi.json')
const PREFIX = 'Insights.Api.Models.Responses.Balancing.Settlement.'
let ajv: Ajv | undefined
const compiled = new Map<string, ValidateFunction>()

function validator(schema: string): ValidateFunction {
  if (!ajv) {
    ajv = new Ajv({ strict: false, allErrors: true })
    const addFormats = (addFormatsModule as any).default ?? addFormatsModule
    addFormats(ajv)
    ajv.addFormat('int32', { type: 'number', validate: (n: number) => Number.isInteger(n) })
    ajv.addFormat('int64', { type: 'number', validate: (n: number) => Number.isSafeInteger(n) })
    ajv.addFormat('double', { type: 'number', validate: (n: number) => Number.isFinite(n) })
    const document = JSON.parse(readFileSync(CONTRACT, 'utf8'))
    ajv.addSchema({ components: document.components }, 'contract')
  }
  let validate = compiled.get(schema)
  if (!validate) {
    validate = ajv.compile({ $ref: `contract#/components/schemas/${PREFIX}${schema}` })
    compiled.set(schema, validate)
  }
  return validate
}

/** Problems of each row against the schema (empty when all conform). */
export function schemaErrors(schema: string, rows: unknown[]): string[] {
  const validate = validator(schema)
  return rows.flatMap((row, index) =>
    validate(row)
      ? []
      : (validate.errors ?? []).map((e) => `row ${index}${e.instancePath} ${e.message}`)
  )
}
