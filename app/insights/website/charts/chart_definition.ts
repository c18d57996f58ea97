import type { Params } from '#insights/api/params'
import { downloadsFor, type ChartBody, type ChartSpec } from '../chart_spec.js'

/**
 * A website chart: how its state is read from a URL query (defaults filled
 * in, problems collected on `params`), the query that reproduces a state, and
 * the rows and drawing the state gives. Pages and downloads both go through
 * it, so a download is exactly what the page plots.
 */
export interface ChartDefinition<State> {
  id: string
  read(params: Params): Promise<State>
  query(state: State): Record<string, unknown>
  build(state: State): Promise<ChartBody>
}

export function defineChart<State>(definition: ChartDefinition<State>): ChartDefinition<State> {
  return definition
}

export async function chartSpec<State>(
  definition: ChartDefinition<State>,
  state: State
): Promise<ChartSpec> {
  const body = await definition.build(state)
  return {
    id: definition.id,
    ...body,
    downloads: downloadsFor(definition.id, definition.query(state)),
  }
}
