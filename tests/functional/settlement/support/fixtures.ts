import { readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { join } from 'node:path'
import db from '@adonisjs/lucid/services/db'
import { periodsInDay } from '#core/calendar/index'
import { RuleRegistry } from '#rules_runtime/registry'
import { importDataset } from '#settlement/actions/import_dataset'
import type { DatasetName } from '#settlement/ingestion/datasets'
import type { SettlementRuntime } from '#settlement/runs/runtime'
import { rulePool } from '#workers/rule_pool_service'

/**
 * Shared set-up for settlement functional tests: the small fixture market
 * (tests/fixtures/settlement/small), generated whole days for any date
 * (46/50-period days included) and a runtime using the fixture rule set.
 */
export const FIXTURES = fileURLToPath(new URL('../../../fixtures/settlement/', import.meta.url))
export const SMALL_DATE = '2026-01-15'

const REFERENCE: [DatasetName, string][] = [
  ['parties', 'parties.csv'],
  ['accounts', 'accounts.csv'],
  ['tlf', 'tlf.csv'],
  ['bm-units', 'bm-units.json'],
]
const DAY: [DatasetName, string][] = [
  ['metered-volumes', 'metered-volumes.csv'],
  ['pn', 'pn.json'],
  ['bod', 'bod.json'],
  ['boalf', 'boalf.json'],
  ['absvd', 'absvd.csv'],
  ['disbsad', 'disbsad.json'],
  ['netbsad', 'netbsad.json'],
  ['mid', 'mid.json'],
  ['lolp', 'lolp.csv'],
  ['ecvn', 'ecvn.csv'],
  ['mvrn', 'mvrn.csv'],
]

export async function importFixture(dataset: DatasetName, path: string) {
  const content = await readFile(join(FIXTURES, path), 'utf8')
  return importDataset(dataset, path.split('/').pop()!, content, 'test')
}

export async function importReferenceData() {
  for (const [dataset, file] of REFERENCE) await importFixture(dataset, `small/${file}`)
}

/** The small market with its two-period day on 2026-01-15. */
export async function importSmallDay() {
  await importReferenceData()
  for (const [dataset, file] of DAY) await importFixture(dataset, `small/${file}`)
}

const UNITS: [string, number][] = [
  ['T_BRKN-1', 200],
  ['T_NWND-1', 150],
  ['2__AHRBL001', -372],
  ['E_VOLTB-1', 10],
]

/** Metered volumes and market index data for every period of `date` (any day length). */
export async function importGeneratedDay(date: string, scale = 1) {
  const periods = periodsInDay(date)
  const metered = ['bmUnit,settlementDate,settlementPeriod,volume']
  const mid = ['dataProvider,settlementDate,settlementPeriod,price,volume']
  for (let period = 1; period <= periods; period++) {
    for (const [unit, volume] of UNITS) {
      metered.push(
        `${unit},${date},${period},${(volume * scale + Math.sin(period) * 3).toFixed(3)}`
      )
    }
    mid.push(
      `APXMIDP,${date},${period},${(70 + 15 * Math.cos((period / periods) * 6.28)).toFixed(2)},${1000 + period}`
    )
  }
  await importDataset('metered-volumes', 'metered.csv', metered.join('\n'), 'test')
  await importDataset('mid', 'mid.csv', mid.join('\n'), 'test')
  return periods
}

export function fixtureRuntime(): SettlementRuntime {
  return {
    pool: rulePool(),
    registry: new RuleRegistry({ rulesRoot: join(FIXTURES, 'rules') }),
  }
}

const SETTLEMENT_TABLES = [
  'settlement_party_charges',
  'settlement_stack_items',
  'settlement_system_prices',
  'settlement_run_frames',
  'settlement_run_stages',
  'settlement_runs',
  'settlement_input_snapshots',
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
  'settlement_import_batches',
  'settlement_bm_units',
  'settlement_tlfs',
  'settlement_accounts',
  'settlement_parties',
]

/** Rows in a table, optionally of one run. */
export async function countRows(table: string, runId?: number): Promise<number> {
  const query = db.from(table)
  if (runId !== undefined) query.where('run_id', runId)
  const [{ n }] = await query.count('* as n')
  return Number(n)
}

/** For tests whose data must be committed (another process reads it): empty every settlement table. */
export async function clearSettlementTables() {
  for (const table of SETTLEMENT_TABLES) await db.from(table).delete()
}

/** The fixture rule set plus this folder's test Modifications (slow@1, stalling@1). */
export function delayedRuntime(): SettlementRuntime {
  return {
    pool: rulePool(),
    registry: new RuleRegistry({
      rulesRoot: join(FIXTURES, 'rules'),
      modificationDirs: [
        join(FIXTURES, 'rules', 'modifications'),
        fileURLToPath(new URL('./modifications/', import.meta.url)),
      ],
    }),
  }
}
