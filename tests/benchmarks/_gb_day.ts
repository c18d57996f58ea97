/*
| Shared by the benchmarks that work on the generator's GB-scale demo day (3,500 BM Units):
| boots the app in console mode on the benchmark's own SQLite file, migrated, with the day
| seeded on first use (without Insights publications: settlement inputs only). Not a benchmark
| itself (bin/bench.ts skips files starting with `_`).
*/
import 'reflect-metadata'
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync } from 'node:fs'
import { Ignitor } from '@adonisjs/core'

export const ROOT = new URL('../../', import.meta.url)
export const GB_DATE = '2026-01-15'

export const ms = (value: number) => `${Math.round(value)} ms`
export const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]

/** `node ace …` on the benchmark database; only its errors are shown. */
export function ace(...args: string[]) {
  const result = spawnSync(process.execPath, ['ace', ...args], {
    cwd: ROOT,
    env: process.env,
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  if (result.status !== 0) throw new Error(`node ace ${args.join(' ')} failed`)
}

/** The booted app on `file`, with the GB-scale day's settlement inputs in it. */
export async function bootOnGbDay(file: string) {
  process.env.DB_CONNECTION = 'sqlite'
  process.env.SQLITE_FILE = file
  process.env.NODE_ENV ??= existsSync(new URL('.env', ROOT)) ? 'development' : 'test'
  process.env.LOG_LEVEL = 'warn'
  mkdirSync(new URL('tmp/', ROOT), { recursive: true })
  ace('migration:run', '--force')
  const app = new Ignitor(ROOT, { importer: (path) => import(new URL(path, ROOT).href) })
    .tap((application) => application.booting(async () => void (await import('#start/env'))))
    .createApp('console')
  await app.init()
  await app.boot()
  const { default: db } = await import('@adonisjs/lucid/services/db')
  const [{ n }] = await db
    .from('settlement_metered_volumes')
    .where('settlement_date', GB_DATE)
    .count('* as n')
  if (Number(n) < 100_000) {
    console.log(`Seeding the GB-scale demo day into ${file} (once)…`)
    ace('demo:seed', '--bm-units', '3500', '--days', '1', '--date', GB_DATE, '--no-publish')
  }
  return { app, db }
}
