/**
 * Settlement run types in the order they are performed (settlement.md §6).
 * The "latest" view of a day is the latest type performed, then the highest
 * run number; II (Interim Information) is never invoiced, so it never
 * supersedes an invoiced run.
 */
export const RUN_TYPES = ['II', 'SF', 'R1', 'R2', 'R3', 'RF', 'DF'] as const
export type RunType = (typeof RUN_TYPES)[number]

export function isRunType(value: unknown): value is RunType {
  return typeof value === 'string' && (RUN_TYPES as readonly string[]).includes(value)
}

export function runTypeRank(type: RunType): number {
  return RUN_TYPES.indexOf(type)
}

export function isInvoiced(type: RunType): boolean {
  return type !== 'II'
}

export interface RunKey {
  runType: RunType
  runNumber: number
}

/** The run that gives the best view of a day among succeeded runs (null when none). */
export function latestRun<R extends RunKey>(runs: R[]): R | null {
  const candidates = runs.some((run) => isInvoiced(run.runType))
    ? runs.filter((run) => isInvoiced(run.runType))
    : runs
  let best: R | null = null
  for (const run of candidates) {
    if (
      !best ||
      runTypeRank(run.runType) > runTypeRank(best.runType) ||
      (run.runType === best.runType && run.runNumber > best.runNumber)
    ) {
      best = run
    }
  }
  return best
}
