import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import ace from '@adonisjs/core/services/ace'
import emitter from '@adonisjs/core/services/emitter'
import db from '@adonisjs/lucid/services/db'
import type { Assert } from '@japa/assert'
import { periodsInDay } from '#core/calendar/index'
import { ingestSettlementRun } from '#insights/actions/ingest_settlement_run'
import { findDataset } from '#insights/datasets/registry'
import * as settlement from '#settlement/index'
import { contractErrors } from './helpers/contract.js'

const api = '/bmrs/api/v1'
const DATE = '2026-01-15'
const SMALL = 'tests/fixtures/settlement/small'
const FILES: [string, string][] = [
  ['parties', 'parties.csv'],
  ['accounts', 'accounts.csv'],
  ['tlf', 'tlf.csv'],
  ['bm-units', 'bm-units.json'],
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

/** The small fixture day, then an SF run through the CLI (the emitter awaits Insights' listener). */
async function runSmallDay(assert: Assert) {
  for (const [dataset, file] of FILES) {
    const imported = await ace.exec('settlement:import', [dataset, `${SMALL}/${file}`])
    assert.equal(imported.exitCode, 0, `settlement:import ${dataset}`)
  }
  const command = await ace.exec('settlement:run', ['--date', DATE, '--type', 'SF'])
  assert.equal(command.exitCode, 0)
  const run = await settlement.latestRunFor(DATE)
  return run!
}

async function heldRows() {
  const rows = await db
    .from('insights_rows')
    .groupBy('dataset')
    .orderBy('dataset')
    .select('dataset')
    .count('* as n')
  return Object.fromEntries(rows.map((row) => [row.dataset, Number(row.n)]))
}

test.group('Settlement engine → Insights through settlement:run_completed', (group) => {
  group.setup(async () => {
    // The preload adonisrc.ts registers; importing it again is a no-op once it is.
    await import('#insights/listeners')
  })
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a real SF run publishes its system prices and stacks on the public API', async ({
    client,
    assert,
  }) => {
    const latest = await runSmallDay(assert)
    const engine = await settlement.systemPrices(latest.id)

    const response = await client.get(`${api}/balancing/settlement/system-prices/${DATE}`)
    response.assertStatus(200)
    assert.deepEqual(
      contractErrors('/balancing/settlement/system-prices/{settlementDate}', response.body()),
      []
    )
    const published = response.body().data
    assert.lengthOf(published, 48)
    for (const [index, row] of published.entries()) {
      assert.equal(
        row.systemSellPrice,
        engine[index].systemSellPrice ?? undefined,
        `period ${index + 1}`
      )
      assert.equal(row.startTime, engine[index].startTime)
    }
    const stacks = await db.from('insights_rows').where('dataset', 'ISPSTACK').count('* as n')
    for (const period of [1, 24]) {
      const stack = await client.get(
        `${api}/balancing/settlement/stack/all/offer/${DATE}/${period}`
      )
      assert.deepEqual(
        contractErrors(
          '/balancing/settlement/stack/all/{bidOffer}/{settlementDate}/{settlementPeriod}',
          stack.body()
        ),
        []
      )
    }
    assert.isAbove(Number(stacks[0].n), 0)
    const events = await db
      .from('insights_push_events')
      .where('dataset', 'DISEBSP')
      .select('payload')
    assert.deepInclude(JSON.parse(events[0].payload), {
      source: 'settlement',
      runId: latest.id,
      runType: 'SF',
    })
  })

  test('the whole-day stack Insights ingests equals the per-period stacks', async ({
    client,
    assert,
  }) => {
    const run = await runSmallDay(assert)
    // The contract's value of each engine value: null stays null where the field is nullable, else it is left out.
    const fields = new Map(findDataset('ISPSTACK')!.fields.map((f) => [f.name, f.nullable]))
    let items = 0
    for (let period = 1; period <= periodsInDay(DATE); period++) {
      for (const side of settlement.SIDES) {
        const expected = await settlement.stack(run.id, period, side)
        const response = await client.get(
          `${api}/balancing/settlement/stack/all/${side}/${DATE}/${period}`
        )
        response.assertStatus(200)
        const rows = response.body().data as Record<string, unknown>[]
        assert.lengthOf(rows, expected.length, `period ${period} ${side}`)
        rows.forEach((row, index) => {
          for (const [name, value] of Object.entries(expected[index])) {
            if (!fields.has(name)) continue
            const published = value === null && !fields.get(name) ? undefined : value
            assert.deepEqual(row[name], published, `period ${period} ${side} ${name}`)
          }
        })
        items += expected.length
      }
    }
    assert.isAbove(items, 0)
    const held = await heldRows()
    assert.equal(held.ISPSTACK, items)
  })

  test('a re-delivered run_completed event adds nothing, also when deliveries overlap', async ({
    assert,
  }) => {
    const run = await runSmallDay(assert)
    const held = await heldRows()
    const versions = await db.from('insights_dataset_days').orderBy(['dataset', 'day'])
    const events = await db.from('insights_push_events').count('* as n')
    const event = { runId: run.id, settlementDate: DATE, runType: 'SF', sandboxId: null }

    await emitter.emit('settlement:run_completed', event)
    const outcomes = await Promise.all([ingestSettlementRun(event), ingestSettlementRun(event)])
    assert.deepEqual(
      outcomes.map((outcome) => outcome.status),
      ['ignored', 'ignored']
    )
    assert.deepEqual(await heldRows(), held)
    assert.deepEqual(await db.from('insights_dataset_days').orderBy(['dataset', 'day']), versions)
    assert.deepEqual(await db.from('insights_push_events').count('* as n'), events)
    const registered = await db.from('insights_runs').where('settlement_run_id', String(run.id))
    assert.lengthOf(registered, 1)
  })

  test('overlapping first deliveries ingest the run once', async ({ assert }) => {
    const run = await runSmallDay(assert)
    const event = { runId: run.id, settlementDate: DATE, runType: 'SF', sandboxId: null }
    const once = await heldRows()
    await db.from('insights_rows').delete()
    await db.from('insights_runs').delete()

    const outcomes = await Promise.all([
      ingestSettlementRun(event),
      ingestSettlementRun(event),
      emitter.emit('settlement:run_completed', event),
    ])
    assert.deepEqual(
      outcomes.slice(0, 2).map((outcome) => outcome!.status),
      ['ingested', 'ignored']
    )
    assert.deepEqual(await heldRows(), once)
  })

  test('a run_completed event for a sandbox run changes nothing', async ({ client, assert }) => {
    await emitter.emit('settlement:run_completed', {
      runId: 424242,
      settlementDate: DATE,
      runType: 'SF',
      sandboxId: 3,
    })
    const runs = await db.from('insights_runs').count('* as n')
    assert.equal(Number(runs[0].n), 0)
    const prices = await client.get(`${api}/balancing/settlement/system-prices/${DATE}`)
    assert.deepEqual(prices.body().data, [])
  })
})
