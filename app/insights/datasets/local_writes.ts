/**
 * How many writes this process has made to each dataset. Part of every
 * response cache key beside the stored versions: a count only ever grows,
 * even when a transaction that bumped a stored version rolls back and the
 * same version number is later given to other data (test transactions do).
 * Other processes' writes show in the stored versions.
 */
const writes = new Map<string, number>()

export function noteWrite(dataset: string) {
  writes.set(dataset, (writes.get(dataset) ?? 0) + 1)
}

export function writesTo(datasets: string[]): string {
  return datasets.map((dataset) => writes.get(dataset) ?? 0).join('.')
}
