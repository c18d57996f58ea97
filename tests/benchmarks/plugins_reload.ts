/*
| Hot reload of rule plugins under load (issue 4 §4):
|   1. a stream of settlement computations (each one pool lease: compile, period ranges, day stages)
|      runs while a plugin folder changes again and again; every change starts a new pool
|      generation — printed: tasks done / failed (target: 0 failed), runs per generation;
|   2. reload latency: ms from the folder change to the new generation ready (validated, warm).
| The stream's leases carry no code tag, so only the watcher switches generations here.
|   node --import=@poppinss/ts-exec tests/benchmarks/plugins_reload.ts
*/
import 'reflect-metadata'
import { appendFileSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import { availableParallelism, loadavg } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Ignitor } from '@adonisjs/core'

const ROOT = new URL('../../', import.meta.url)
const RELOADS = 10
const CHANGE_EVERY_MS = 1500
const STREAMS = 3

process.env.NODE_ENV ??= existsSync(new URL('.env', ROOT)) ? 'development' : 'test'
process.env.LOG_LEVEL = 'warn'

const app = new Ignitor(ROOT, { importer: (path) => import(new URL(path, ROOT).href) })
  .tap((application) => application.booting(async () => void (await import('#start/env'))))
  .createApp('console')
await app.init()
await app.boot()

const { RuleRegistry } = await import('#rules_runtime/registry')
const { buildDayInputs } = await import('#rules_runtime/build_day_inputs')
const { shareInputs } = await import('#rules_runtime/snapshot')
const { RulePool } = await import('#workers/pool')
const { computeDay } = await import('#workers/compute_day')
const { parametersFor } = await import('#settlement/runs/run_parameters')
const { watchRules } = await import('#settlement/enablement/hot_reload')
const { rulesCatalogue } = await import('#settlement/enablement/rules_catalogue')

/* A scratch plugin folder as deep in the project as rules/modifications' plugins are in the corpus. */
const scratch = fileURLToPath(new URL(`tmp/rules-bench/run-${process.pid}/`, ROOT))
const plugins = join(scratch, 'plugins')
mkdirSync(plugins, { recursive: true })
cpSync(
  fileURLToPath(new URL('tests/fixtures/rules_corpus/good/audit_totals', ROOT)),
  join(plugins, 'audit_totals'),
  { recursive: true }
)
const runtime = {
  pool: new RulePool({ workers: 2 }),
  registry: new RuleRegistry({ modificationDirs: [plugins] }),
}
const records = JSON.parse(
  readFileSync(new URL('rules/baseline/fixtures/worked_example/input.json', ROOT), 'utf8')
)
const spec = runtime.registry.spec('baseline@1+audit_totals@1')
const params = parametersFor(spec, records.settlementDate).values
const inputs = shareInputs(buildDayInputs(records))
await rulesCatalogue(runtime)

const tasks = { done: 0, failed: 0 }
const runs = { done: 0, failed: 0, byGeneration: new Map<number, number>() }
let streaming = true

async function stream() {
  while (streaming) {
    const lease = runtime.pool.lease('production')
    const counted = {
      ...lease,
      run: async <R>(task: Parameters<typeof lease.run>[0]) => {
        try {
          const result = await lease.run<R>(task)
          const failed = (result as { ok?: boolean })?.ok === false
          if (failed) tasks.failed++
          else tasks.done++
          return result
        } catch (error) {
          tasks.failed++
          throw error
        }
      },
    }
    try {
      await computeDay({ lease: counted, spec, inputs, params })
      runs.done++
      runs.byGeneration.set(lease.generation, (runs.byGeneration.get(lease.generation) ?? 0) + 1)
    } catch (error) {
      runs.failed++
      console.error(`  run failed on generation ${lease.generation}: ${(error as Error).message}`)
    } finally {
      lease.release()
    }
  }
}

const latencies: number[] = []
const watching = watchRules(() => runtime, {
  dirs: runtime.registry.watchedDirs,
  debounceMs: 100,
  onReload: (reload) => latencies.push(reload.ms),
})
const streams = Array.from({ length: STREAMS }, () => stream())
for (let change = 1; change <= RELOADS; change++) {
  await new Promise((resolve) => setTimeout(resolve, CHANGE_EVERY_MS))
  appendFileSync(join(plugins, 'audit_totals/README.md'), `\nRevision ${change}.\n`)
}
while (latencies.length < RELOADS) await new Promise((resolve) => setTimeout(resolve, 50))
await new Promise((resolve) => setTimeout(resolve, CHANGE_EVERY_MS))
streaming = false
await Promise.all(streams)
watching.close()

const sorted = [...latencies].sort((a, b) => a - b)
const ms = (value: number) => `${Math.round(value)} ms`
console.log(
  `\n${availableParallelism()} cores, load average ${loadavg()[0].toFixed(2)}; pool of ${runtime.pool.workers} workers, ${STREAMS} concurrent runs`
)
console.log(
  `Stream of runs across ${RELOADS} generation switches: ${runs.done} runs done, ${runs.failed} failed; ` +
    `tasks done ${tasks.done}, failed ${tasks.failed} (target: 0 failed)`
)
console.log(
  `  runs per generation: ${[...runs.byGeneration].map(([g, n]) => `#${g}: ${n}`).join(', ')}`
)
console.log(
  `Reload latency (folder change → new generation validated and warm): median ${ms(sorted[Math.floor(sorted.length / 2)])}, ` +
    `best ${ms(sorted[0])}, worst ${ms(sorted.at(-1)!)} (${latencies.map(ms).join(', ')})`
)
console.log(`  live generations at the end: ${runtime.pool.liveGenerations().join(', ')}`)

await runtime.pool.close()
rmSync(scratch, { recursive: true, force: true })
await app.terminate()
process.exitCode = runs.failed || tasks.failed ? 1 : 0
