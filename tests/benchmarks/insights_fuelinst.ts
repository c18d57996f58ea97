/*
| Insights API benchmark: GET /bmrs/api/v1/datasets/FUELINST for one settlement day at 100
| concurrent connections (autocannon), beside a bare Node `http` server answering the same
| bytes, both measured in this run. Targets: ≥ 50 % of the bare server's request rate, p99 < 20 ms.
| The app runs as a child process (NODE_ENV=production, own PORT and SQLITE_FILE). Its FUELINST
| day is derived from the real FUELHH_2018.csv (each half-hour value on its six 5-minute slots)
| and imported with `node ace insights:import`. Prints figures, asserts nothing.
|   node --import=@poppinss/ts-exec tests/benchmarks/insights_fuelinst.ts
*/
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs'
import { createRequire } from 'node:module'

interface CannonResult {
  requests: { average: number }
  latency: { p50: number; p99: number }
  throughput: { average: number }
  non2xx: number
  errors: number
}
const autocannon = createRequire(import.meta.url)('autocannon') as (
  options: object
) => Promise<CannonResult>

const ROOT = new URL('../../', import.meta.url)
const DAY = '2018-06-21'
const APP_PORT = 3417
const BARE_PORT = 3418
const SQLITE_FILE = 'tmp/bench-insights.sqlite3'
const PATH = `/bmrs/api/v1/datasets/FUELINST?settlementDateFrom=${DAY}&settlementDateTo=${DAY}`
const DURATION = Number(process.env.BENCH_SECONDS ?? 10)

const env = {
  ...process.env,
  NODE_ENV: 'production',
  PORT: String(APP_PORT),
  HOST: '127.0.0.1',
  APP_KEY: 'bench-key-0123456789abcdef0123456789abcdef',
  LOG_LEVEL: 'warn',
  SESSION_DRIVER: 'cookie',
  LIMITER_STORE: 'memory',
  DB_CONNECTION: 'sqlite',
  SQLITE_FILE,
}

function ace(...args: string[]) {
  const result = spawnSync(process.execPath, ['ace', ...args], { cwd: ROOT, env, stdio: 'inherit' })
  if (result.status !== 0) throw new Error(`node ace ${args.join(' ')} failed`)
}

/** FUELINST rows for DAY: every FUELHH half-hour value repeated on its six 5-minute slots. */
function fuelinstDay(): string {
  const [header, ...lines] = readFileSync(
    new URL('../shared/data/real/elexondataportal-2018/FUELHH_2018.csv', ROOT),
    'utf8'
  ).split('\n')
  const fuels = header.split(',').slice(1)
  const rows: object[] = []
  for (const line of lines.filter((l) => l.startsWith(DAY))) {
    const [local, ...values] = line.split(',')
    const start = Date.parse(local.replace(' ', 'T'))
    for (let slot = 0; slot < 6; slot++) {
      const at = new Date(start + slot * 300_000).toISOString().replace('.000Z', 'Z')
      const published = new Date(start + (slot + 1) * 300_000).toISOString().replace('.000Z', 'Z')
      fuels.forEach((fuel, i) =>
        rows.push({
          dataset: 'FUELINST',
          publishTime: published,
          startTime: at,
          fuelType: fuel.toUpperCase(),
          generation: Number(values[i]),
        })
      )
    }
  }
  return JSON.stringify({ data: rows })
}

async function waitFor(url: string, child: ChildProcess) {
  for (let i = 0; i < 200; i++) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`)
    try {
      const response = await fetch(url)
      if (response.ok) return
    } catch {}
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error(`${url} did not come up`)
}

function run(url: string) {
  return autocannon({ url, connections: 100, duration: DURATION, pipelining: 1 })
}

const children: ChildProcess[] = []

/** SIGTERM, then SIGKILL for a child that has not gone within 3 s (keep-alive sockets can hold a server open). */
async function stop() {
  await Promise.all(
    children.map(async (child) => {
      if (child.exitCode !== null || child.signalCode !== null) return
      const gone = new Promise((resolve) => child.once('exit', resolve))
      child.kill('SIGTERM')
      const timer = setTimeout(() => child.kill('SIGKILL'), 3000)
      await gone
      clearTimeout(timer)
    })
  )
}
process.on('exit', () =>
  children.forEach((child) => child.exitCode === null && child.kill('SIGKILL'))
)

try {
  mkdirSync(new URL('tmp/', ROOT), { recursive: true })
  for (const suffix of ['', '-wal', '-shm'])
    rmSync(new URL(SQLITE_FILE + suffix, ROOT), { force: true })
  ace('migration:run', '--force')
  const dataFile = new URL('tmp/bench-fuelinst.json', ROOT)
  writeFileSync(dataFile, fuelinstDay())
  ace('insights:import', 'FUELINST', dataFile.pathname)

  const app = spawn(process.execPath, ['--import=@poppinss/ts-exec', 'bin/server.ts'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'inherit', 'inherit'],
  })
  children.push(app)
  await waitFor(`http://127.0.0.1:${APP_PORT}/bmrs/api/v1/health`, app)
  const response = await fetch(`http://127.0.0.1:${APP_PORT}${PATH}`)
  const bytes = Buffer.from(await response.arrayBuffer())
  const rows = JSON.parse(bytes.toString()).data.length
  const contentType = response.headers.get('content-type')!

  // The reference: a bare http server in its own process, answering the same bytes.
  const bodyFile = new URL('tmp/bench-fuelinst-response.json', ROOT)
  writeFileSync(bodyFile, bytes)
  const bareScript = `const bytes = require('node:fs').readFileSync(${JSON.stringify(bodyFile.pathname)});
    require('node:http').createServer((req, res) => { res.writeHead(200, { 'content-type': ${JSON.stringify(contentType)}, 'content-length': bytes.length }); res.end(bytes) }).listen(${BARE_PORT}, '127.0.0.1')`
  const bare = spawn(process.execPath, ['-e', bareScript], { stdio: 'inherit' })
  children.push(bare)
  await waitFor(`http://127.0.0.1:${BARE_PORT}/`, bare)

  console.log(
    `FUELINST ${DAY}: ${rows} rows, ${(bytes.length / 1024).toFixed(0)} KiB per response; 100 connections, ${DURATION} s each (after a 3 s warm-up)`
  )
  await autocannon({ url: `http://127.0.0.1:${APP_PORT}${PATH}`, connections: 100, duration: 3 })
  const reference = await run(`http://127.0.0.1:${BARE_PORT}${PATH}`)
  const ours = await run(`http://127.0.0.1:${APP_PORT}${PATH}`)
  const line = (name: string, r: CannonResult) =>
    `${name.padEnd(22)} ${r.requests.average.toFixed(0).padStart(7)} req/s   p50 ${String(r.latency.p50).padStart(4)} ms   p99 ${String(r.latency.p99).padStart(4)} ms   ${(r.throughput.average / 1048576).toFixed(0).padStart(5)} MiB/s   non-2xx ${r.non2xx}, errors ${r.errors}`
  console.log(line('bare node http', reference))
  console.log(line('insights API', ours))
  const ratio = ours.requests.average / reference.requests.average
  console.log(
    `rate ratio ${(ratio * 100).toFixed(0)} % (target ≥ 50 %): ${ratio >= 0.5 ? 'met' : 'NOT met'}`
  )
  console.log(
    `insights p99 ${ours.latency.p99} ms (target < 20 ms): ${ours.latency.p99 < 20 ? 'met' : 'NOT met'}; bare server p99 ${reference.latency.p99} ms`
  )
} finally {
  await stop()
  process.exit(0)
}
