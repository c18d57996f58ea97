import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import ace from '@adonisjs/core/services/ace'
import emitter from '@adonisjs/core/services/emitter'
import db from '@adonisjs/lucid/services/db'
import { latestRunFor, systemPrices } from '#settlement/index'
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
    for (const [dataset, file] of FILES) {
      const imported = await ace.exec('settlement:import', [dataset, `${SMALL}/${file}`])
      assert.equal(imported.exitCode, 0, `settlement:import ${dataset}`)
    }
    const run = await ace.exec('settlement:run', ['--date', DATE, '--type', 'SF'])
    assert.equal(run.exitCode, 0)
    const latest = await latestRunFor(DATE)
    const engine = await systemPrices(latest!.id)

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
      runId: latest!.id,
      runType: 'SF',
    })
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
