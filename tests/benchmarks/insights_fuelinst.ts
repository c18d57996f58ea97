/*
| Insights API benchmark: GET /bmrs/api/v1/datasets/FUELINST for one settlement day at 100
| concurrent connections (autocannon), beside a bare Node `http` server answering the same
| bytes with the same headers, both measured in this run. Targets: ≥ 50 % of the bare server's
| request rate, p99 < 20 ms. Three cases: the JSON as is (769 KiB: both servers are bound by
| copying bytes), gzip (what clients that accept it get: per-request cost shows), and a
| revalidation with If-None-Match (304, no body). Before timing, each server's answer is
| fetched and compared byte for byte; each case gets a warm-up (not counted), then ROUNDS
| rounds alternating bare and app, and the median round is reported.
| The app runs as a child process (NODE_ENV=production, own PORT and SQLITE_FILE). Its FUELINST
| day is derived from the real FUELHH_2018.csv (each half-hour value on its six 5-minute slots)
| and imported with `node ace insights:import`. Prints figures, asserts nothing.
|   BENCH_SECONDS=5 BENCH_ROUNDS=3 node --import=@poppinss/ts-exec tests/benchmarks/insights_fuelinst.ts
*/
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs'
import { get } from 'node:http'
import { createRequire } from 'node:module'
import { availableParallelism, loadavg } from 'node:os'

interface CannonResult {
  requests: { average: number }
  latency: { p50: number; p99: number }
  throughput: { average: number }
  non2xx: number
  errors: number
  statusCodeStats: Record<string, { count: number }>
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
const DURATION = Number(process.env.BENCH_SECONDS ?? 5)
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3)
const WARM_UP_SECONDS = 3
const CONNECTIONS = 100
/** Response headers both servers send (the app's own, copied to the bare server). */
const SHARED_HEADERS = ['content-type', 'content-encoding', 'etag', 'vary']

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

/** Status, the shared headers and the raw bytes (node:http: fetch would decompress them) of one GET. */
function raw(port: number, headers: Record<string, string>) {
  return new Promise<{ status: number; headers: Record<string, string | null>; bytes: Buffer }>(
    (resolve, reject) => {
      get({ host: '127.0.0.1', port, path: PATH, headers }, (response) => {
        const chunks: Buffer[] = []
        response.on('data', (chunk: Buffer) => chunks.push(chunk))
        response.on('error', reject)
        response.on('end', () =>
          resolve({
            status: response.statusCode!,
            headers: Object.fromEntries(
              SHARED_HEADERS.map((name) => [name, (response.headers[name] as string) ?? null])
            ),
            bytes: Buffer.concat(chunks),
          })
        )
      }).on('error', reject)
    }
  )
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

interface Case {
  name: string
  request: Record<string, string>
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')

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

  // The reference: a bare http server in its own process, answering with the app's own bytes
  // and headers for each Accept-Encoding the cases send (304 when the ETag comes back).
  const identity = await raw(APP_PORT, { 'accept-encoding': 'identity' })
  const gzip = await raw(APP_PORT, { 'accept-encoding': 'gzip' })
  const rows = JSON.parse(identity.bytes.toString()).data.length
  const forms = { identity, gzip }
  for (const [name, form] of Object.entries(forms))
    writeFileSync(new URL(`tmp/bench-fuelinst-${name}.bin`, ROOT), form.bytes)
  const bareScript = `
    const { readFileSync } = require('node:fs')
    const forms = ${JSON.stringify(
      Object.fromEntries(
        Object.entries(forms).map(([name, form]) => [
          name,
          {
            file: new URL(`tmp/bench-fuelinst-${name}.bin`, ROOT).pathname,
            headers: Object.fromEntries(Object.entries(form.headers).filter(([, v]) => v)),
          },
        ])
      )
    )}
    for (const form of Object.values(forms)) form.bytes = readFileSync(form.file)
    require('node:http').createServer((req, res) => {
      const form = /gzip/.test(req.headers['accept-encoding'] || '') ? forms.gzip : forms.identity
      if (req.headers['if-none-match'] === form.headers.etag) {
        res.writeHead(304, { etag: form.headers.etag, vary: form.headers.vary })
        return res.end()
      }
      res.writeHead(200, { ...form.headers, 'content-length': form.bytes.length })
      res.end(form.bytes)
    }).listen(${BARE_PORT}, '127.0.0.1')`
  const bare = spawn(process.execPath, ['-e', bareScript], { stdio: 'inherit' })
  children.push(bare)
  await waitFor(`http://127.0.0.1:${BARE_PORT}/`, bare)
  for (const [name, form] of Object.entries(forms)) {
    const reference = await raw(BARE_PORT, { 'accept-encoding': name })
    const same =
      reference.bytes.equals(form.bytes) &&
      JSON.stringify(reference.headers) === JSON.stringify(form.headers)
    if (!same) throw new Error(`the bare server does not answer the app's ${name} bytes`)
  }

  const cases: Case[] = [
    { name: 'identity', request: { 'accept-encoding': 'identity' } },
    { name: 'gzip', request: { 'accept-encoding': 'gzip' } },
    {
      name: 'If-None-Match (304)',
      request: { 'accept-encoding': 'gzip', 'if-none-match': gzip.headers.etag! },
    },
  ]
  console.log(
    `\n${availableParallelism()} cores, load average ${load()} (figures are only comparable on a quiet machine)`
  )
  console.log(
    `FUELINST ${DAY}: ${rows} rows, ${(identity.bytes.length / 1024).toFixed(0)} KiB as is, ` +
      `${(gzip.bytes.length / 1024).toFixed(0)} KiB gzip (same bytes and headers from both servers, checked); ` +
      `${CONNECTIONS} connections; per case a ${WARM_UP_SECONDS} s warm-up each, then ${ROUNDS} rounds of ${DURATION} s per server, alternating`
  )
  for (const { name, request } of cases) {
    const run = (port: number, duration = DURATION) =>
      autocannon({
        url: `http://127.0.0.1:${port}${PATH}`,
        connections: CONNECTIONS,
        duration,
        headers: request,
      })
    await run(BARE_PORT, WARM_UP_SECONDS)
    await run(APP_PORT, WARM_UP_SECONDS)
    const results: Record<'bare' | 'app', CannonResult[]> = { bare: [], app: [] }
    for (let round = 0; round < ROUNDS; round++) {
      results.bare.push(await run(BARE_PORT))
      results.app.push(await run(APP_PORT))
    }
    const summary = (list: CannonResult[]) => ({
      rate: median(list.map((r) => r.requests.average)),
      p50: median(list.map((r) => r.latency.p50)),
      p99: median(list.map((r) => r.latency.p99)),
      mib: median(list.map((r) => r.throughput.average / 1048576)),
      statuses: [...new Set(list.flatMap((r) => Object.keys(r.statusCodeStats)))].join('/'),
      errors: list.reduce((sum, r) => sum + r.errors, 0),
    })
    const line = (label: string, s: ReturnType<typeof summary>) =>
      `  ${label.padEnd(14)} ${s.rate.toFixed(0).padStart(7)} req/s   p50 ${String(s.p50).padStart(4)} ms   p99 ${String(s.p99).padStart(4)} ms   ${s.mib.toFixed(0).padStart(5)} MiB/s   status ${s.statuses}, errors ${s.errors}`
    const bareSummary = summary(results.bare)
    const appSummary = summary(results.app)
    const ratio = appSummary.rate / bareSummary.rate
    console.log(`${name} (medians of ${ROUNDS} rounds; load average now ${load()})`)
    console.log(line('bare node http', bareSummary))
    console.log(line('insights API', appSummary))
    console.log(
      `  rate ratio ${(ratio * 100).toFixed(0)} % (target ≥ 50 %): ${ratio >= 0.5 ? 'met' : 'NOT met'}; ` +
        `insights p99 ${appSummary.p99} ms (target < 20 ms): ${appSummary.p99 < 20 ? 'met' : 'NOT met'}, ` +
        `bare p99 ${bareSummary.p99} ms; app rounds ${results.app.map((r) => r.requests.average.toFixed(0)).join(', ')} req/s`
    )
  }
} catch (error) {
  console.error(error)
  process.exitCode = 1
} finally {
  await stop()
  process.exit()
}
