/**
 * When a production settlement run completes, its outputs become the
 * run-versioned datasets (system prices, stacks, indicative volumes and
 * cashflows, acceptance volumes), all in one transaction. Sandbox runs are
 * refused here, so no query can ever see them.
 */
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type { DatasetDefinition } from '#insights/datasets/definition'
import { formatInstant } from '#insights/datasets/instants'
import { registry } from '#insights/datasets/registry'
import { buildRow, type StoredRow } from '#insights/datasets/row_builder'
import { writeRows } from '#insights/datasets/store'
import { announce } from '#insights/push/publish'
import { registerSettlementRun } from '#insights/runs/run_selection'
import {
  settlementSource,
  type CompletedRun,
  type SettlementSource,
} from '#insights/runs/settlement_source'

export type IngestOutcome =
  | { status: 'ignored'; reason: string }
  | { status: 'ingested'; datasets: Record<string, number>; missingOutputs: string[] }

/** The engine may leave a value null where the contract has no null (e.g. no price): that field is then absent. */
function contractValues(
  definition: DatasetDefinition,
  row: Record<string, unknown>,
  settlementDate: string
) {
  const values: Record<string, unknown> = { settlementDate, ...row }
  for (const field of definition.fields)
    if (values[field.name] === null && !field.nullable) delete values[field.name]
  return values
}

export async function ingestSettlementRun(
  run: CompletedRun,
  source: SettlementSource = settlementSource
): Promise<IngestOutcome> {
  if (run.sandboxId !== null && run.sandboxId !== undefined)
    return { status: 'ignored', reason: 'sandbox run' }
  const known = await source.run(run.runId)
  if (!known) return { status: 'ignored', reason: `settlement does not know run ${run.runId}` }
  if (known.sandboxId !== null) return { status: 'ignored', reason: 'sandbox run' }
  if (known.status !== 'succeeded')
    return { status: 'ignored', reason: `run ${run.runId} is ${known.status}` }

  const now = formatInstant(DateTime.utc().startOf('second'))
  const definitions = [...registry().datasets.values()].filter(
    (d) => d.source.kind === 'settlement'
  )
  const built = new Map<DatasetDefinition, StoredRow[]>()
  const missingOutputs: string[] = []
  for (const definition of definitions) {
    const rows = await source.output(definition.source.output!, run)
    if (!rows) {
      missingOutputs.push(definition.source.output!)
      continue
    }
    built.set(
      definition,
      rows.map(({ side, row }, index) =>
        buildRow(
          definition,
          { line: index + 1, values: contractValues(definition, row, run.settlementDate) },
          now,
          side
        )
      )
    )
  }

  const datasets: Record<string, number> = {}
  const fresh = await db.transaction(async (trx) => {
    const registered = await registerSettlementRun(trx, {
      runId: String(run.runId),
      settlementDate: run.settlementDate,
      runType: run.runType,
    })
    if (!registered.isNew) return false
    for (const definition of definitions) {
      const rows = built.get(definition) ?? []
      const result = await writeRows(
        trx,
        definition,
        rows,
        async () => registered.id,
        {
          source: 'settlement',
          runId: run.runId,
          runType: run.runType,
          settlementDate: run.settlementDate,
        },
        [run.settlementDate]
      )
      datasets[definition.code] = result.rows
    }
    return true
  })
  if (!fresh) return { status: 'ignored', reason: `run ${run.runId} was already ingested` }
  announce(definitions.map((definition) => definition.code))
  return { status: 'ingested', datasets, missingOutputs }
}
