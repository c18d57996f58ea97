/**
 * The settlement outputs Insights republishes, read only through the
 * settlement context's public index. Each output named by a run-versioned
 * dataset definition (source.output) has a reader here. Outputs the context
 * does not export yet are looked up when a run completes, so a missing one is
 * a logged, named gap rather than a crash at boot.
 */
import * as settlement from '#settlement/index'
import { periodsInDay } from '#core/calendar/index'

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

type Side = settlement.StackSide
type PerSide = (runId: number, side: Side) => Promise<Record<string, unknown>[]>

/** Per-BM-Unit outputs Insights will republish as soon as the settlement index exports them. */
const optional = settlement as unknown as Partial<
  Record<'indicativeVolumes' | 'indicativeCashflows' | 'acceptanceVolumes', PerSide>
>

async function bySide(read: PerSide | undefined, runId: number) {
  if (!read) return undefined
  const out: SideRow[] = []
  for (const side of settlement.SIDES) {
    const rows = await read(runId, side)
    for (const row of rows) out.push({ side, row })
  }
  return out
}

async function stackOfDay(run: CompletedRun): Promise<SideRow[]> {
  const out: SideRow[] = []
  for (let period = 1; period <= periodsInDay(run.settlementDate); period++) {
    for (const side of settlement.SIDES) {
      const rows = await settlement.stack(run.runId, period, side)
      for (const row of rows) out.push({ side, row: { settlementPeriod: period, ...row } })
    }
  }
  return out
}

export const settlementSource: SettlementSource = {
  async run(runId) {
    const found = await settlement.findRun(runId)
    return found ? { sandboxId: found.sandboxId, status: found.status } : null
  },

  async output(name, run) {
    switch (name) {
      case 'systemPrices': {
        const rows = await settlement.systemPrices(run.runId)
        return rows.map((row) => ({ side: null, row }))
      }
      case 'stack':
        return stackOfDay(run)
      case 'indicativeVolumes':
      case 'indicativeCashflows':
      case 'acceptanceVolumes':
        return bySide(optional[name], run.runId)
      default:
        return undefined
    }
  },
}
