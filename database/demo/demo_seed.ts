/**
 * `demo:seed` without the console: checks whether the demo is already there,
 * removes it on reset, then generates and writes the market day by day.
 * Tests call this directly; the command only parses flags and prints.
 */
import db from '@adonisjs/lucid/services/db'
import { periodsInDay } from '#core/calendar/index'
import { buildDemoMarket, generateDay } from './demo_market.js'
import type { DemoOptions } from './demo_market.js'
import { demoLogins } from './demo_users.js'
import type { DemoLogin } from './demo_users.js'
import { currentManifest, writeDay, writeReference } from './demo_writer.js'
import { deleteDemo } from './demo_reset.js'
import { demoBmUnitList, demoPublications } from './insights_publication.js'
import { publishDemoRemit } from './demo_remit.js'
import type { DemoBmUnit } from './bm_unit_types.js'
import type { DayRecords } from '#rules_runtime/day_records'
import { importDatasetFile } from '#insights/index'

export interface SeedOptions extends DemoOptions {
  /** delete the demo data first (otherwise an already seeded database is left alone) */
  reset?: boolean
  /** also publish each day's public data to Insights (default true; benchmarks seeding GB-scale inputs skip it) */
  publish?: boolean
}

export interface SeedSummary {
  status: 'seeded' | 'already-seeded'
  seed: number
  days: { date: string; periods: number }[]
  bmUnits: number
  parties: number
  /** rows per table after seeding */
  counts: Record<string, number>
  logins: DemoLogin[]
  timings: { generateMs: number; writeMs: number; publishMs: number; totalMs: number }
}

const COUNTED_TABLES = [
  'customer_parties',
  'customer_party_roles',
  'customer_energy_accounts',
  'customer_bm_units',
  'customer_signatory_authorisations',
  'core_users',
  'settlement_parties',
  'settlement_accounts',
  'settlement_bm_units',
  'settlement_tlfs',
  'settlement_run_calendar',
  'settlement_import_batches',
  'settlement_metered_volumes',
  'settlement_fpns',
  'settlement_bods',
  'settlement_acceptances',
  'settlement_absvd',
  'settlement_disbsad',
  'settlement_netbsad',
  'settlement_market_index',
  'settlement_lolp',
  'settlement_ecvns',
  'settlement_mvrns',
]

export async function seedDemo(options: SeedOptions): Promise<SeedSummary> {
  const started = performance.now()
  const existing = await currentManifest()
  if (existing && !options.reset) {
    return {
      status: 'already-seeded',
      seed: existing.seed,
      days: existing.dates.map((date) => ({ date, periods: periodsInDay(date) })),
      bmUnits: existing.bmUnits,
      parties: existing.parties.length,
      counts: await tableCounts(),
      logins: [],
      timings: { generateMs: 0, writeMs: 0, publishMs: 0, totalMs: performance.now() - started },
    }
  }
  // Build first: options the generator refuses (too few units, dates outside the calendar) leave the old demo in place.
  let mark = performance.now()
  const market = buildDemoMarket(options)
  const logins = demoLogins(market.parties)
  let generateMs = performance.now() - mark
  mark = performance.now()
  if (existing) await deleteDemo(existing)
  await writeReference(market, logins)
  let writeMs = performance.now() - mark
  mark = performance.now()
  if (options.publish !== false) {
    await importDatasetFile('BMUNITS', JSON.stringify(demoBmUnitList(market)), 'demo:seed')
  }
  let publishMs = performance.now() - mark

  const days: SeedSummary['days'] = []
  for (const date of market.dates) {
    mark = performance.now()
    const day = generateDay(market, date)
    generateMs += performance.now() - mark
    mark = performance.now()
    await writeDay(day, `demo:seed --seed ${market.seed}`)
    writeMs += performance.now() - mark
    mark = performance.now()
    if (options.publish !== false) await publishDemoDay(day, market.bmUnits)
    publishMs += performance.now() - mark
    days.push({ date, periods: periodsInDay(date) })
  }
  if (options.publish !== false) {
    mark = performance.now()
    await publishDemoRemit(market, logins)
    publishMs += performance.now() - mark
  }
  return {
    status: 'seeded',
    seed: market.seed,
    days,
    bmUnits: market.bmUnits.length,
    parties: market.parties.length,
    counts: await tableCounts(),
    logins,
    timings: { generateMs, writeMs, publishMs, totalMs: performance.now() - started },
  }
}

/** Imports the day's public data through Insights, as `node ace insights:import` would. */
async function publishDemoDay(day: DayRecords, units: DemoBmUnit[]) {
  for (const [dataset, rows] of Object.entries(demoPublications(day, units))) {
    await importDatasetFile(dataset, JSON.stringify(rows), `demo:seed ${day.settlementDate}`)
  }
}

/**
 * The logins of the demo in the database, rebuilt from the seeding's manifest
 * (the generator is deterministic, so no password is ever stored in clear);
 * users deleted since are left out. Empty when there is no demo data.
 */
export async function currentLogins(): Promise<DemoLogin[]> {
  const manifest = await currentManifest()
  if (!manifest) return []
  const { seed, dates, bmUnits } = manifest
  const market = buildDemoMarket({ seed, dates, bmUnits, parties: manifest.parties.length })
  const existing = await db.from('core_users').whereIn('email', manifest.users).select('email')
  const emails = new Set(existing.map((row) => row.email as string))
  return demoLogins(market.parties).filter((login) => emails.has(login.email))
}

export async function tableCounts(): Promise<Record<string, number>> {
  const counts: Record<string, number> = {}
  for (const table of COUNTED_TABLES) {
    const row = await db.from(table).count('* as total').first()
    counts[table] = Number(row?.total ?? 0)
  }
  return counts
}
