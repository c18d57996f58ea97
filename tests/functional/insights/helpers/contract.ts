/**
 * Validates responses against Elexon's OpenAPI document (the contract), read
 * from shared/data/real: the 200 schema of the contract path, $refs resolved
 * to its components. OpenAPI 3.0's `nullable` is understood by Ajv 8.
 */
import { readFileSync } from 'node:fs'
import app from '@adonisjs/core/services/app'
import { Ajv, type ValidateFunction } from 'ajv'
import addFormatsModule from 'ajv-formats'

const CONTRACT_FILE = app.makePath('../shared/data/real/insights-openapi/insights-api-openapi.json')

let document: any
let ajv: Ajv
const compiled = new Map<string, ValidateFunction>()

function load() {
  if (document) return
  document = JSON.parse(readFileSync(CONTRACT_FILE, 'utf8'))
  ajv = new Ajv({ strict: false, allErrors: true })
  const addFormats = (addFormatsModule as any).default ?? addFormatsModule
  addFormats(ajv)
  ajv.addFormat('int32', {
    type: 'number',
    validate: (n: number) => Number.isInteger(n) && Math.abs(n) < 2 ** 31,
  })
  ajv.addFormat('int64', { type: 'number', validate: (n: number) => Number.isSafeInteger(n) })
  ajv.addFormat('double', { type: 'number', validate: (n: number) => Number.isFinite(n) })
  ajv.addSchema({ components: document.components }, 'contract')
}

export function contractDocument(): any {
  load()
  return document
}

/** The JSON schema of a contract path's 200 response, with $refs pointing into the contract. */
export function responseSchema(path: string): any {
  load()
  const operation = document.paths[path]?.get
  if (!operation) throw new Error(`the contract has no GET ${path}`)
  const schema = operation.responses['200']?.content?.['application/json']?.schema
  if (!schema) throw new Error(`the contract gives no JSON schema for GET ${path}`)
  return JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', '"contract#/components/'))
}

/** Errors of `body` against the contract path's 200 schema (empty when it conforms). */
export function contractErrors(path: string, body: unknown): string[] {
  let validate = compiled.get(path)
  if (!validate) {
    const schema = responseSchema(path)
    validate = ajv.compile(schema)
    compiled.set(path, validate)
  }
  if (validate(body)) return []
  return (validate.errors ?? [])
    .slice(0, 10)
    .map((e) => `${e.instancePath || '(root)'} ${e.message} ${JSON.stringify(e.params)}`)
}

/** The component schema a dataset definition names. */
export function componentSchema(name: string): any {
  load()
  return document.components.schemas[name]
}
