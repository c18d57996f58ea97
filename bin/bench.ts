/*
| `npm run bench`: runs every benchmark in tests/benchmarks/ one after another. Each
| prints its own figures beside a reference measured in the same run.
| Pass names to run a subset: `npm run bench -- settlement_run`.
*/
import { spawnSync } from 'node:child_process'
import { readdirSync } from 'node:fs'

const root = new URL('../', import.meta.url)
const wanted = process.argv.slice(2)
const benches = readdirSync(new URL('tests/benchmarks/', root))
  .filter((file) => file.endsWith('.ts') && !file.startsWith('_'))
  .filter((file) => wanted.length === 0 || wanted.some((name) => file.includes(name)))
  .sort()

let failures = 0
for (const file of benches) {
  console.log(`\n### ${file}`)
  const result = spawnSync(
    process.execPath,
    ['--import=@poppinss/ts-exec', `tests/benchmarks/${file}`],
    {
      cwd: root,
      stdio: 'inherit',
    }
  )
  if (result.status !== 0) failures++
}
if (benches.length === 0) console.log('No benchmark matched.')
process.exit(failures > 0 ? 1 : 0)
