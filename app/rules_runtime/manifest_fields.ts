import type { ParallelRunPolicy, ParameterChange, StagePosition } from './manifest.js'
import type { ParameterValue } from './stage.js'

/**
 * The field checks of a plugin manifest (manifest.ts): each reads one field
 * of the parsed YAML, adds a problem per thing wrong with it and returns what
 * can be used of it, so a rejection lists every problem at once.
 */
export const STAGE_ID = /^[a-z][a-z0-9_]*$/
/** `<frame>.<column>`, or a whole `<frame>` */
const OUTPUT = /^[a-z][a-z0-9_]*(\.[A-Za-z][A-Za-z0-9_]*)?$/

type Doc = Record<string, unknown>
export const isRecord = (value: unknown): value is Doc =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
export const isText = (value: unknown): value is string =>
  typeof value === 'string' && value.trim() !== ''

export function show(value: unknown): string {
  return value === undefined ? 'nothing' : JSON.stringify(value)
}

export function textList(value: unknown, field: string, problems: string[]): string[] {
  if (value === undefined) return []
  if (!Array.isArray(value) || !value.every(isText)) {
    problems.push(`${field} must be a list of non-empty strings`)
    return []
  }
  return value
}

export function idList(
  value: unknown,
  field: string,
  pattern: RegExp,
  problems: string[]
): string[] {
  const list = textList(value, field, problems)
  for (const id of list) if (!pattern.test(id)) problems.push(`${field}: "${id}" is not a valid id`)
  if (new Set(list).size !== list.length) problems.push(`${field} lists an id twice`)
  return list
}

export function positions(value: unknown, problems: string[]): StagePosition[] {
  if (value === undefined) return []
  if (!Array.isArray(value)) {
    problems.push('adds must be a list of { stage, before | after }')
    return []
  }
  return value.flatMap((entry, index) => {
    const where = `adds[${index}]`
    if (!isRecord(entry) || !isText(entry.stage) || !STAGE_ID.test(entry.stage)) {
      problems.push(`${where} needs a snake_case stage id`)
      return []
    }
    const unknown = Object.keys(entry).filter((key) => !['stage', 'before', 'after'].includes(key))
    if (unknown.length) problems.push(`${where}: unknown field ${unknown.join(', ')}`)
    const anchors = [entry.before, entry.after].filter((anchor) => anchor !== undefined)
    if (anchors.length !== 1 || !isText(anchors[0])) {
      problems.push(`${where} ("${entry.stage}") needs exactly one of before or after`)
      return []
    }
    return [
      entry.before !== undefined
        ? { stage: entry.stage, before: entry.before as string }
        : { stage: entry.stage, after: entry.after as string },
    ]
  })
}

export function parameterChanges(value: unknown, problems: string[]): ParameterChange[] {
  if (value === undefined) return []
  if (!Array.isArray(value)) {
    problems.push('parameters must be a list of { name, values }')
    return []
  }
  return value.flatMap((entry, index) => {
    const where = `parameters[${index}]`
    if (!isRecord(entry) || !isText(entry.name)) {
      problems.push(`${where} needs a name`)
      return []
    }
    const unknown = Object.keys(entry).filter((key) => key !== 'name' && key !== 'values')
    if (unknown.length)
      problems.push(
        `${where} (${entry.name}): unknown field ${unknown.join(', ')} (new parameters go in parameters/*.yaml)`
      )
    if (!isRecord(entry.values) || Object.keys(entry.values).length === 0) {
      problems.push(`${where} (${entry.name}) needs values: { 'yyyy-MM-dd': value }`)
      return []
    }
    return [{ name: entry.name, values: entry.values as Record<string, ParameterValue> }]
  })
}

export function parallelRun(value: unknown, problems: string[]): ParallelRunPolicy {
  const policy: ParallelRunPolicy = { tolerances: { default: 0 }, ignore: [] }
  if (value === undefined) return policy
  if (!isRecord(value)) {
    problems.push('parallelRun must be a mapping with tolerances and ignore')
    return policy
  }
  for (const key of Object.keys(value))
    if (key !== 'tolerances' && key !== 'ignore')
      problems.push(`parallelRun: unknown field "${key}"`)
  if (value.tolerances !== undefined && !isRecord(value.tolerances))
    problems.push('parallelRun.tolerances must map default or <frame>.<column> to a number')
  for (const [output, tolerance] of Object.entries(
    isRecord(value.tolerances) ? value.tolerances : {}
  )) {
    if (output !== 'default' && !OUTPUT.test(output))
      problems.push(
        `parallelRun.tolerances: "${output}" is not default, <frame> or <frame>.<column>`
      )
    else if (typeof tolerance !== 'number' || !(tolerance >= 0) || !Number.isFinite(tolerance))
      problems.push(`parallelRun.tolerances.${output} must be a number ≥ 0`)
    else policy.tolerances[output] = tolerance
  }
  if (value.ignore !== undefined && !Array.isArray(value.ignore))
    problems.push('parallelRun.ignore must be a list of { output, reason }')
  for (const [index, entry] of (Array.isArray(value.ignore) ? value.ignore : []).entries()) {
    if (!isRecord(entry) || !isText(entry.output) || !OUTPUT.test(entry.output))
      problems.push(`parallelRun.ignore[${index}] needs an output <frame> or <frame>.<column>`)
    else if (!isText(entry.reason))
      problems.push(`parallelRun.ignore[${index}] (${entry.output}) needs a written reason`)
    else policy.ignore.push({ output: entry.output, reason: entry.reason.trim() })
  }
  return policy
}
