/*
| Parallel-run benchmark on the GB-scale demo day (3,500 BM Units), issue 4 §5:
| one parallel run of a plugin (control and candidate computed at once, compared, report stored)
| against one baseline run of the same day (executeRun: load, compute, persist); target ≤ 2.2×.
| Seeds its own SQLite file (tmp/bench-parallel.sqlite3) on first use. Prints figures, asserts nothing.
|   node --import=@poppinss/ts-exec tests/benchmarks/parallel_run.ts [plugin]
*/
import { availableParallelism, loadavg } from 'node:os'
import { bootOnGbDay, GB_DATE, median, ms } from './_gb_day.js'

const DATE = GB_DATE
const FILE = 'tmp/bench-parallel.sqlite3'
const PLUGIN = process.argv[2] ?? 'p462_bid_subsidy_removal'
const ROUNDS = 3
const TARGET = 2.2

const { app } = await bootOnGbDay(FILE)

const { createRun } = await import('#settlement/actions/create_run')
const { executeRun } = await import('#settlement/actions/execute_run')
const { runParallel } = await import('#settlement/parallel/run_parallel')
const { defaultRuntime } = await import('#settlement/runs/runtime')

async function baseline() {
  const started = performance.now()
  const runId = await createRun({ settlementDate: DATE, runType: 'SF', requestedBy: 'bench' })
  const result = await executeRun(runId)
  if (result.status !== 'succeeded') throw new Error(`run ${runId}: ${result.error?.message}`)
  return { wall: performance.now() - started, result }
}

async function parallel() {
  const started = performance.now()
  const run = await runParallel({ pluginId: PLUGIN, from: DATE, to: DATE, requestedBy: 'bench' })
  if (run.status !== 'succeeded') throw new Error(`parallel run ${run.id}: ${run.error?.message}`)
  return { wall: performance.now() - started, run }
}

console.log(
  `\n${availableParallelism()} cores, load average ${loadavg()[0].toFixed(2)} (figures are only comparable on a quiet machine)`
)
console.log(
  `Parallel run of ${PLUGIN} against one baseline run on ${DATE} (SQLite, pool of ${defaultRuntime().pool.workers} workers)`
)
// Warm-up: starts the workers and compiles both rule sets in them.
await baseline()
await parallel()

const times = { baseline: [] as number[], parallel: [] as number[] }
let last: { base: Awaited<ReturnType<typeof baseline>>; par: Awaited<ReturnType<typeof parallel>> }
for (let round = 0; round < ROUNDS; round++) {
  const base = await baseline()
  const par = await parallel()
  times.baseline.push(base.wall)
  times.parallel.push(par.wall)
  last = { base, par }
}
const { base, par } = last!
const t = base.result.timings
console.log(
  `  baseline run: median ${ms(median(times.baseline))} (${times.baseline.map(ms).join(', ')}); ` +
    `last: load + snapshot ${ms(t.loadMs)}, compute ${ms(t.computeMs)}, persist ${ms(t.persistMs)}`
)
const p = par.run.timings!
console.log(
  `  parallel run: median ${ms(median(times.parallel))} (${times.parallel.map(ms).join(', ')}); ` +
    `last: load + snapshot ${ms(p.loadMs)}, compute both ${ms(p.computeMs)}, compare ${ms(p.compareMs)}`
)
console.log(
  `  last report: ${par.run.changedValues} of ${par.run.comparedValues} values changed, largest difference ${par.run.maxAbsDiff}`
)
const ratio = median(times.parallel) / median(times.baseline)
console.log(`  ratio ${ratio.toFixed(2)}× (target ≤ ${TARGET}×)`)

await app.terminate()
