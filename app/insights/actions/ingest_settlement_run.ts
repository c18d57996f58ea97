/**
 * When a production settlement run completes, its outputs become the
 * run-versioned datasets (system prices, stacks, indicative volumes and
 * cashflows, acceptance volumes), all in one transaction: a run is listed in
 * insights_runs (and so answers queries) only together with all its rows.
 * Sandbox runs are refused here, so no query can ever see them. Ingesting a
 * run again (a re-delivered event, two processes) changes nothing: the run's
 * unique id in insights_runs decides, inside the transaction.
 */
import { setImmediate as yieldToEventLoop } from 'node:timers/promises'
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type { DatasetDefinition } from '#insights/datasets/definition'
import { formatInstant } from '#insights/datasets/instants'
import { registry } from '#insights/datasets/registry'
import { buildRow, type StoredRow } from '#insights/datasets/row_builder'
import { writeRows } from '#insights/datasets/store'
import { announce } from '#insights/push/publish'
import { isSettlementRunKnown, registerSettlementRun } from '#insights/runs/run_selection'
import {
  settlementSource,
  type CompletedRun,
  type SettlementSource,
  type SideRow,
} from '#insights/runs/settlement_source'

export type IngestOutcome =
  | { status: 'ignored'; reason: string }
  | {
      status: 'ingested'
      datasets: Record<string, number>
      missingOutputs: string[]
      /** Milliseconds spent reading settlement's outputs, building rows and writing them. */
      ms: { read: number; build: number; write: number }
    }

/** The engine may leave a value null where the contract has no null (e.g. no price): that field is then absent. */
function contractValues(
  nonNullable: string[],
  row: Record<string, unknown>,
  settlementDate: string
) {
  const values: Record<string, unknown> = { settlementDate, ...row }
  for (const name of nonNullable) if (values[name] === null) values[name] = undefined
  return values
}

function buildAll(definition: DatasetDefinition, run: CompletedRun, now: string, rows: SideRow[]) {
  const nonNullable = definition.fields.filter((f) => !f.nullable).map((f) => f.name)
  return rows.map(({ side, row }, index) =>
    buildRow(
      definition,
      { line: index + 1, values: contractValues(nonNullable, row, run.settlementDate) },
      now,
      side
    )
  )
}

async function refusal(run: CompletedRun, source: SettlementSource): Promise<string | null> {
  if (run.sandboxId !== null && run.sandboxId !== undefined) return 'sandbox run'
  const known = await source.run(run.runId)
  if (!known) return `settlement does not know run ${run.runId}`
  if (known.sandboxId !== null) return 'sandbox run'
  if (known.status !== 'succeeded') return `run ${run.runId} is ${known.status}`
  if (await isSettlementRunKnown(String(run.runId))) return `run ${run.runId} was already ingested`
  return null
}

async function ingest(run: CompletedRun, source: SettlementSource): Promise<IngestOutcome> {
  const refused = await refusal(run, source)
  if (refused) return { status: 'ignored', reason: refused }

  const now = formatInstant(DateTime.utc().startOf('second'))
  const definitions = [...registry().datasets.values()].filter(
    (d) => d.source.kind === 'settlement'
  )
  const ms = { read: 0, build: 0, write: 0 }
  const built = new Map<DatasetDefinition, StoredRow[]>()
  const missingOutputs: string[] = []
  for (const definition of definitions) {
    let started = performance.now()
    const rows = await source.output(definition.source.output!, run)
    ms.read += performance.now() - started
    if (!rows) {
      missingOutputs.push(definition.source.output!)
      continue
    }
    started = performance.now()
    built.set(definition, buildAll(definition, run, now, rows))
    ms.build += performance.now() - started
    // Building is CPU work: let a server answer its other requests between datasets.
    await yieldToEventLoop()
  }

  const started = performance.now()
  const datasets: Record<string, number> = {}
  const fresh = await db.transaction(async (trx) => {
    const registered = await registerSettlementRun(trx, {
      runId: String(run.runId),
      settlementDate: run.settlementDate,
      runType: run.runType,
    })
    if (!registered.isNew) return false
    for (const definition of definitions) {
      const result = await writeRows(
        trx,
        definition,
        built.get(definition) ?? [],
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
  ms.write = performance.now() - started
  if (!fresh) return { status: 'ignored', reason: `run ${run.runId} was already ingested` }
  announce(definitions.map((definition) => definition.code))
  return { status: 'ingested', datasets, missingOutputs, ms }
}

/** Deliveries of a run that is being ingested in this process wait for that ingestion. */
const inProgress = new Map<number, Promise<IngestOutcome>>()

export async function ingestSettlementRun(
  run: CompletedRun,
  source: SettlementSource = settlementSource
): Promise<IngestOutcome> {
  const running = inProgress.get(run.runId)
  if (running) {
    await running.catch(() => undefined)
    return ingestSettlementRun(run, source)
  }
  const ingestion = ingest(run, source)
  inProgress.set(run.runId, ingestion)
  try {
    return await ingestion
  } finally {
    inProgress.delete(run.runId)
  }
}
