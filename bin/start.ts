/*
| `npm start`: everything a newcomer needs on the embedded default, in order —
| .env and tmp/, migrations, the demo market (first start only), the front-end
| build (when missing or stale), then the portal on http://HOST:PORT.
| Plain Node 24 TypeScript (type stripping only): no app imports here.
*/
import { spawn, spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

const root = new URL('../', import.meta.url).pathname
const major = Number(process.versions.node.split('.')[0])
if (major < 24) {
  console.error(
    `Node ${process.versions.node} found; this app needs Node 24. Run it through npm (npm start),`
  )
  console.error('which uses the Node 24 that `npm install` placed in node_modules/.bin.')
  process.exit(1)
}

function ensureEnvFile() {
  const envPath = join(root, '.env')
  if (existsSync(envPath)) return
  const example = readFileSync(join(root, '.env.example'), 'utf8')
  const key = randomBytes(32).toString('base64url')
  writeFileSync(envPath, example.replace(/^APP_KEY=.*$/m, `APP_KEY=${key}`))
  console.log('Created .env from .env.example (with a new APP_KEY).')
}

function readEnv(): Record<string, string> {
  const values: Record<string, string> = {}
  for (const line of readFileSync(join(root, '.env'), 'utf8').split('\n')) {
    const match = /^([A-Z_][A-Z0-9_]*)=(.*)$/.exec(line.trim())
    if (match) values[match[1]] = match[2]
  }
  return { ...values, ...process.env } as Record<string, string>
}

/** Runs an ace command; `quiet` keeps its progress (stderr) out of sight unless it fails. */
function ace(args: string[], options: { quiet?: boolean } = {}) {
  const result = spawnSync(process.execPath, ['ace', ...args], {
    cwd: root,
    stdio: options.quiet ? ['ignore', 'inherit', 'pipe'] : 'inherit',
    encoding: 'utf8',
  })
  if (result.status !== 0) {
    if (options.quiet) console.error(result.stderr)
    console.error(`\n\`node ace ${args.join(' ')}\` failed (exit ${result.status}).`)
    process.exit(result.status ?? 1)
  }
}

function newestMtime(dir: string): number {
  let newest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs)
  }
  return newest
}

/** Client and SSR bundles exist and are newer than every front-end source. */
function frontEndIsFresh(): boolean {
  const manifests = [
    'public/assets/.vite/manifest.json',
    'public/assets/server/.vite/manifest.json',
  ]
  if (!manifests.every((file) => existsSync(join(root, file)))) return false
  const built = Math.min(...manifests.map((file) => statSync(join(root, file)).mtimeMs))
  return (
    built >=
    Math.max(newestMtime(join(root, 'resources')), statSync(join(root, 'vite.config.ts')).mtimeMs)
  )
}

ensureEnvFile()
mkdirSync(join(root, 'tmp'), { recursive: true })
const env = readEnv()

console.log('› Migrating the database…')
ace(['migration:run', '--force'])
console.log('› Demo market…')
const seeding = spawnSync(process.execPath, ['ace', 'demo:seed', '--json'], {
  cwd: root,
  stdio: ['ignore', 'pipe', 'inherit'],
  encoding: 'utf8',
})
if (seeding.status !== 0) {
  console.error(seeding.stdout)
  process.exit(seeding.status ?? 1)
}
const seeded = JSON.parse(seeding.stdout) as {
  status: string
  days: { date: string; periods: number }[]
  parties: number
  bmUnits: number
}
const days = seeded.days.map((day) => `${day.date} (${day.periods} periods)`).join(', ')
if (seeded.status === 'seeded') {
  console.log(`  seeded ${seeded.parties} parties and ${seeded.bmUnits} BM Units for ${days}`)
  // A first look at the portal shows settled days: SF for each demo day, and II beside it for the first.
  const [first] = seeded.days
  for (const [date, type] of [[first.date, 'II'], ...seeded.days.map((day) => [day.date, 'SF'])]) {
    process.stdout.write(`› Settlement run ${type} for ${date}: `)
    ace(['settlement:run', '--date', date, '--type', type], { quiet: true })
  }
  // A sandbox trial of 15-minute settlement on the first day, run and ready to compare.
  console.log(`› Sandbox trial "quarter-hour-periods" (15-minute settlement) on ${first.date}…`)
  const trial = ['quarter-hour-periods']
  const owner = ['--owner', 'admin@bscco.demo.example']
  ace(
    ['sandbox:create', ...trial, '--days', first.date, '--plugins', 'p999_15min_periods', ...owner],
    {
      quiet: true,
    }
  )
  ace(['sandbox:run', ...trial], { quiet: true })
} else {
  console.log(`  already seeded (${days}); \`node ace demo:seed --reset\` starts again`)
}

if (!frontEndIsFresh()) {
  console.log('› Building the front end (client + server-side rendering)…')
  const build = spawnSync(
    process.execPath,
    [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--app'],
    {
      cwd: root,
      stdio: ['ignore', 'ignore', 'inherit'],
    }
  )
  if (build.status !== 0) process.exit(build.status ?? 1)
}

const url = `http://${env.HOST || 'localhost'}:${env.PORT || 3333}`
const server = spawn(process.execPath, ['--import=@poppinss/ts-exec', 'bin/server.ts'], {
  cwd: root,
  stdio: 'inherit',
})
console.log(
  `\n  Kinnect Open is starting on ${url}\n  Demo logins: node ace demo:logins (printed below)\n`
)
ace(['demo:logins'])
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => server.kill(signal))
}
server.on('exit', (code) => process.exit(code ?? 0))
