/**
 * Reading a website view's state from its URL query (dates, periods, run
 * types …), with the public API's parameter rules (`Params`): a page shows
 * the problems and falls back to defaults; a download answers 400.
 */
import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import { Params } from '#insights/api/params'
import { registry } from '#insights/datasets/registry'

/** The latest settlement date holding rows of any of these datasets, or today when none does. */
export async function latestDay(datasets: string[]): Promise<string> {
  const row = await db
    .from('insights_dataset_days')
    .whereIn('dataset', datasets)
    .whereNot('day', '*')
    .max('day as day')
    .first()
  return row?.day ?? DateTime.utc().setZone('Europe/London').toISODate()!
}

export function shiftDate(date: string, days: number): string {
  return DateTime.fromISO(date, { zone: 'utc' }).plus({ days }).toISODate()!
}

/** A settlement date parameter, else the latest day of data of the datasets. */
export async function dateParam(params: Params, name: string, datasets: string[]) {
  return params.date(name) ?? (await latestDay(datasets))
}

export function runTypeParam(params: Params): string | undefined {
  const value = params.raw('runType')
  if (value !== undefined && !registry().runTypes.includes(value)) {
    return params.fail(
      'runType',
      `runType must be one of ${registry().runTypes.join(', ')}, got ${JSON.stringify(value)}`
    )
  }
  return value
}

/** One of a fixed set of words, else the first. */
export function choiceParam<T extends string>(
  params: Params,
  name: string,
  choices: readonly T[]
): T {
  const value = params.raw(name)
  if (value === undefined) return choices[0]
  if ((choices as readonly string[]).includes(value)) return value as T
  params.fail(name, `${name} must be one of ${choices.join(', ')}, got ${JSON.stringify(value)}`)
  return choices[0]
}

/** A whole number within bounds, else the fallback. */
export function boundedInteger(
  params: Params,
  name: string,
  min: number,
  max: number,
  fallback: number
): number {
  const value = params.integer(name)
  if (value === undefined) return fallback
  if (value < min || value > max) {
    params.fail(name, `${name} must be from ${min} to ${max}, got ${value}`)
    return fallback
  }
  return value
}

/** The problems of a view's query as one list of messages for the page. */
export function problems(params: Params): string[] {
  return [...new Set(Object.values(params.errors).flat())]
}

export { Params }
