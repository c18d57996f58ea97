import { CalendarError, datesBetween, parseSettlementDate } from '#core/calendar/index'
import type { ParallelRunPolicy } from '#rules_runtime/manifest'
import { catalogueKey, ruleSetProblems } from '#rules_runtime/plugin_catalogue'
import { enabledOn, enablementRecords } from '#settlement/enablement/enablement_records'
import { rulesCatalogue } from '#settlement/enablement/rules_catalogue'
import { hasInputs } from '#settlement/inputs/load_day_records'
import type { SettlementRuntime } from '#settlement/runs/runtime'

/**
 * What a parallel run of a plugin compares on each date (ARCHITECTURE.md
 * §4.6), checked before anything is computed or stored: the control is the
 * rule set in force on the date (enablement records, as a production run
 * would get it), the candidate the same plugins plus the one on trial.
 * Sandbox-only plugins may be candidates: nothing of a parallel run reaches
 * production results. Every refusal names the request field at fault.
 */
export const MAX_PARALLEL_DAYS = 31

export class ParallelRunRefused extends Error {
  constructor(
    readonly field: 'plugin' | 'from' | 'to',
    message: string
  ) {
    super(message)
    this.name = 'ParallelRunRefused'
  }
}

export interface ParallelPlan {
  plugin: { id: string; version: number; title: string; mode: string }
  policy: ParallelRunPolicy
  days: { date: string; controlKey: string; candidateKey: string }[]
}

function parseDate(value: string, field: 'from' | 'to'): string {
  try {
    return parseSettlementDate(value, field)
  } catch (error) {
    if (error instanceof CalendarError) throw new ParallelRunRefused(field, error.message)
    throw error
  }
}

/** The settlement dates from..to, each with inputs imported. */
export async function parallelDates(from: string, to: string): Promise<string[]> {
  const [first, last] = [parseDate(from, 'from'), parseDate(to, 'to')]
  if (last < first) throw new ParallelRunRefused('to', `to (${last}) is before from (${first})`)
  const dates = datesBetween(first, last)
  if (dates.length > MAX_PARALLEL_DAYS) {
    throw new ParallelRunRefused('to', `A parallel run covers at most ${MAX_PARALLEL_DAYS} days`)
  }
  const missing: string[] = []
  for (const date of dates) if (!(await hasInputs(date))) missing.push(date)
  if (missing.length) {
    throw new ParallelRunRefused(
      missing[0] === first ? 'from' : 'to',
      `No settlement inputs for ${missing.join(', ')}: import them first`
    )
  }
  return dates
}

export async function planParallelRun(
  pluginId: string,
  dates: string[],
  runtime: SettlementRuntime
): Promise<ParallelPlan> {
  const catalogue = await rulesCatalogue(runtime)
  const plugin = catalogue.plugins.find((p) => p.id === pluginId)
  if (!plugin) throw new ParallelRunRefused('plugin', `No Modification "${pluginId}" is installed`)
  if (!plugin.manifest || plugin.problems.length) {
    throw new ParallelRunRefused(
      'plugin',
      `${pluginId} cannot be used: ${plugin.problems.join('; ')}`
    )
  }
  const records = await enablementRecords()
  const days = dates.map((date) => {
    const ids = enabledOn(records, date)
    const problems = ruleSetProblems(catalogue, ids, { production: true })
    if (problems.length) {
      throw new ParallelRunRefused(
        'from',
        `The rules in force on ${date} cannot be used: ${problems.join('; ')}`
      )
    }
    if (ids.includes(pluginId)) {
      throw new ParallelRunRefused(
        'plugin',
        `${pluginId} is already in force on ${date}: the control would be the candidate`
      )
    }
    const candidate = [...ids, pluginId]
    const clash = ruleSetProblems(catalogue, candidate, { production: false })
    if (clash.length) {
      throw new ParallelRunRefused(
        'plugin',
        `${pluginId} cannot run with the rules in force on ${date}: ${clash.join('; ')}`
      )
    }
    return {
      date,
      controlKey: catalogueKey(catalogue, ids),
      candidateKey: catalogueKey(catalogue, candidate),
    }
  })
  const { id, version, title, mode, parallelRun } = plugin.manifest
  return { plugin: { id, version, title, mode }, policy: parallelRun, days }
}
