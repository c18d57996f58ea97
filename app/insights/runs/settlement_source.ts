/**
 * The settlement outputs Insights republishes, read only through the
 * settlement context's public index. Each output named by a run-versioned
 * dataset definition (source.output) has a reader here; a definition naming
 * an output settlement does not publish is a logged, named gap, not a crash.
 * Whole-day readers only: a GB day's stacks are one query, not one per period.
 */
import * as settlement from '#settlement/index'

export interface SideRow {
  side: string | null
  row: Record<string, unknown>
}

export interface CompletedRun {
  runId: number
  settlementDate: string
  runType: string
  sandboxId: number | null
}

export interface SettlementSource {
  /** The run as the settlement context records it, or null when it does not know it. */
  run(runId: number): Promise<{ sandboxId: number | null; status: string } | null>
  /** Rows of one output, or undefined when the settlement context does not publish that output. */
  output(name: string, run: CompletedRun): Promise<SideRow[] | undefined>
}

type PerSide = (runId: number, side: settlement.StackSide) => Promise<Record<string, unknown>[]>

const PER_SIDE: Record<string, PerSide> = {
  indicativeVolumes: settlement.indicativeVolumes,
  indicativeCashflows: settlement.indicativeCashflows,
  acceptanceVolumes: settlement.acceptanceVolumes,
}

async function bySide(read: PerSide, runId: number) {
  const out: SideRow[] = []
  for (const side of settlement.SIDES) {
    for (const row of await read(runId, side)) out.push({ side, row })
  }
  return out
}

export const settlementSource: SettlementSource = {
  async run(runId) {
    const found = await settlement.findRun(runId)
    return found ? { sandboxId: found.sandboxId, status: found.status } : null
  },

  async output(name, run) {
    if (name === 'systemPrices') {
      const rows = await settlement.systemPrices(run.runId)
      return rows.map((row) => ({ side: null, row }))
    }
    // Stack rows carry their side; the ISPSTACK definition has no `side` field, so it is not stored twice.
    if (name === 'stack') {
      const rows = await settlement.dayStack(run.runId)
      return rows.map((row) => ({ side: row.side, row }))
    }
    const read = Object.hasOwn(PER_SIDE, name) ? PER_SIDE[name] : undefined
    return read ? bySide(read, run.runId) : undefined
  },
}
