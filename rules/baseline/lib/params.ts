/** Typed reads of the parameters in force, with errors naming the parameter. */
import type { ParameterValues } from '../../../app/rules_runtime/stage.js'

export function numberParam(params: ParameterValues, name: string): number {
  const value = params[name]
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new Error(
      `parameter "${name}" must be a number in force on this date, got ${String(value)}`
    )
  }
  return value
}

export function booleanParam(params: ParameterValues, name: string): boolean {
  const value = params[name]
  if (typeof value !== 'boolean') {
    throw new Error(
      `parameter "${name}" must be a boolean in force on this date, got ${String(value)}`
    )
  }
  return value
}

export function choiceParam<T extends string>(
  params: ParameterValues,
  name: string,
  choices: readonly T[]
): T {
  const value = params[name]
  if (typeof value !== 'string' || !choices.includes(value as T)) {
    throw new Error(
      `parameter "${name}" must be one of ${choices.join(', ')}, got ${String(value)}`
    )
  }
  return value as T
}
