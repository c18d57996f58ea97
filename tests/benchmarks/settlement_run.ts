/*
| Settlement run benchmark on the GB-scale demo day (3,500 BM Units):
|   1. end to end: an SF run — load from SQLite, snapshot, compute on the pool, persist (target ≤ 2 s);
|   2. compute only, with 1 and with 2 pool workers (target speed-up ≥ 1.8×).
| Seeds its own SQLite file (tmp/bench-settlement.sqlite3) on first use. Prints figures, asserts nothing.
|   node --import=@poppinss/ts-exec tests/benchmarks/settlement_run.ts
*/
import { availableParallelism, loadavg } from 'node:os'
import { bootOnGbDay, GB_DATE, median, ms } from './_gb_day.js'

const DATE = GB_DATE
const FILE = 'tmp/bench-settlement.sqlite3'
const REPEAT = 7
/** computations per pool before timing: the workers' JIT warms up on the first ones */
const WARM_UP = 2

const { app, db } = await bootOnGbDay(FILE)

const { createRun } = await import('#settlement/actions/create_run')
const { executeRun } = await import('#settlement/actions/execute_run')
const { loadDayRecords } = await import('#settlement/inputs/load_day_records')
const { parametersFor } = await import('#settlement/runs/run_parameters')
const { defaultRuntime, defaultRuleSetKey } = await import('#settlement/runs/runtime')
const { buildDayInputs } = await import('#rules_runtime/build_day_inputs')
const { shareInputs } = await import('#rules_runtime/snapshot')
const { RulePool } = await import('#workers/pool')
const { computeDay } = await import('#workers/compute_day')

async function endToEnd(runType: string) {
  const runId = await createRun({ settlementDate: DATE, runType, requestedBy: 'bench' })
  const result = await executeRun(runId)
  if (result.status !== 'succeeded')
    throw new Error(`run ${runId} failed: ${result.error?.message}`)
  return result
}

console.log(
  `\n${availableParallelism()} cores, load average ${loadavg()[0].toFixed(2)} (figures are only comparable on a quiet machine)`
)
console.log(
  `End-to-end SF run on ${DATE} (SQLite, pool of ${defaultRuntime().pool.workers} workers)`
)
await endToEnd('II') // warm-up: starts the workers and compiles the rule set
// As on a day whose inputs changed since the last run, the SF run stores (compresses) its snapshot.
await db.from('settlement_input_snapshots').delete()
const cpuBefore = process.cpuUsage()
const run = await endToEnd('SF')
const cpu = process.cpuUsage(cpuBefore)
console.log(
  `  load + snapshot ${ms(run.timings.loadMs)}, compute ${ms(run.timings.computeMs)}, persist ${ms(run.timings.persistMs)}`
)
console.log(
  `  CPU time, all threads: ${ms((cpu.user + cpu.system) / 1000)} (other processes compete for the cores: compare both)`
)
console.log(
  `  total ${ms(run.timings.totalMs)} (target ≤ 2000 ms)   ${run.totals?.stackItems} stack items, output ${run.outputHash?.slice(0, 12)}`
)

const records = await loadDayRecords(DATE)
const inputs = shareInputs(buildDayInputs(records))
const runtime = defaultRuntime()
const spec = runtime.registry.spec(await defaultRuleSetKey(runtime))
const params = parametersFor(spec, DATE).values
console.log(
  `\nCompute only: ${inputs.bmUnits.ids.length} BM Units, ${records.meteredVolumes.length} metered values, ` +
    `${records.bod.length} BOD segments, ${records.boalf.length} BOALF segments; ${REPEAT} timed rounds after ${WARM_UP} warm-up rounds`
)
// Both pools stay up and take turns, so a change in the machine's load hits both alike.
const pools = [1, 2].map((workers) => {
  const pool = new RulePool({ workers })
  return { workers, pool, lease: pool.lease(), times: [] as number[] }
})
for (let round = 0; round < WARM_UP + REPEAT; round++) {
  for (const entry of pools) {
    const started = performance.now()
    await computeDay({ lease: entry.lease, spec, inputs, params })
    if (round >= WARM_UP) entry.times.push(performance.now() - started)
  }
}
const stats = (times: number[]) => ({ min: Math.min(...times), median: median(times) })
for (const { workers, times, lease, pool } of pools) {
  lease.release()
  await pool.close()
  const { min, median: mid } = stats(times)
  console.log(
    `  ${workers} worker${workers > 1 ? 's' : ' '}: median ${ms(mid)}, best ${ms(min)}  (${times.map(ms).join(', ')})`
  )
}
const [one, two] = pools.map(({ times }) => stats(times))
console.log(
  `  speed-up with 2 workers: ${(one.median / two.median).toFixed(2)}× on medians, ` +
    `${(one.min / two.min).toFixed(2)}× on best times (target ≥ 1.8×)`
)

await app.terminate()
