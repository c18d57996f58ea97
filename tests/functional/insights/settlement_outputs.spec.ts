import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { ingestSettlementRun } from '#insights/actions/ingest_settlement_run'
import { importDatasetFile } from '#insights/actions/import_dataset_file'
import { contractErrors } from './helpers/contract.js'
import { realDays } from './helpers/real_data.js'
import { settlementDouble, type FakeRun } from './helpers/settlement_double.js'

const api = '/bmrs/api/v1'
const DAY = '2018-10-28'

const runs: FakeRun[] = [
  { runId: 501, settlementDate: DAY, runType: 'SF', sandboxId: null, price: (p) => 40 + p },
  { runId: 502, settlementDate: DAY, runType: 'II', sandboxId: null, price: (p) => 30 + p },
  {
    runId: 503,
    settlementDate: DAY,
    runType: 'R1',
    sandboxId: null,
    price: (p) => (p === 2 ? -12.5 : 40 + p),
  },
  { runId: 900, settlementDate: DAY, runType: 'R3', sandboxId: 7, price: () => 9999 },
]
const source = settlementDouble(runs)
const ingest = (runId: number) =>
  ingestSettlementRun(
    runs.find((r) => r.runId === runId)!,
    source
  )

test.group('Settlement outputs: run completions update the run-versioned datasets', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a completed run replaces imported prices; the latest run type wins; runType= picks one', async ({
    client,
    assert,
  }) => {
    await importDatasetFile('DISEBSP', realDays('B1770_2018.csv', [DAY]), 'B1770_2018.csv')
    const imported = await client.get(`${api}/balancing/settlement/system-prices/${DAY}/1`)
    assert.equal(imported.body().data[0].systemSellPrice, 74.84235) // B1770_2018.csv, 2018-10-28 00:00:00+01:00

    const outcome = await ingest(501)
    assert.equal(outcome.status, 'ingested')
    const sf = await client.get(`${api}/balancing/settlement/system-prices/${DAY}`)
    sf.assertStatus(200)
    assert.deepEqual(
      contractErrors('/balancing/settlement/system-prices/{settlementDate}', sf.body()),
      []
    )
    assert.lengthOf(sf.body().data, 50)
    assert.equal(sf.body().data[0].systemSellPrice, 41)

    await ingest(502) // an II run never supersedes an SF run
    const still = await client.get(`${api}/balancing/settlement/system-prices/${DAY}/1`)
    assert.equal(still.body().data[0].systemSellPrice, 41)

    await ingest(503)
    const r1 = await client.get(`${api}/balancing/settlement/system-prices/${DAY}/2`)
    assert.equal(r1.body().data[0].systemSellPrice, -12.5)
    const asked = await client
      .get(`${api}/balancing/settlement/system-prices/${DAY}/2`)
      .qs({ runType: 'II' })
    assert.equal(asked.body().data[0].systemSellPrice, 32)

    const diff = await client
      .get(`${api}/ext/runs/diff`)
      .qs({ settlementDate: DAY, from: 'SF', to: 'R1' })
    diff.assertStatus(200)
    assert.equal(diff.body().changed, 1)
    assert.deepEqual(diff.body().rows[0].key, { settlementPeriod: 2 })
    assert.deepEqual(diff.body().rows[0].changes.systemSellPrice, {
      from: 42,
      to: -12.5,
      delta: -54.5,
    })
    assert.equal(diff.body().totals.systemSellPrice.delta, -54.5)

    const missing = await client
      .get(`${api}/ext/runs/diff`)
      .qs({ settlementDate: DAY, from: 'SF', to: 'RF' })
    missing.assertStatus(404)
  })

  test('sandbox runs never reach any dataset or endpoint', async ({ client, assert }) => {
    await ingest(501)
    const outcome = await ingest(900)
    assert.deepEqual(outcome, { status: 'ignored', reason: 'sandbox run' })
    // Even when the event claims production, the settlement context's own record decides.
    const lying = await ingestSettlementRun({ ...runs[3], sandboxId: null }, source)
    assert.equal(lying.status, 'ignored')
    const runsSeen = await db
      .from('insights_runs')
      .where('source', 'settlement')
      .select('settlement_run_id')
    assert.deepEqual(
      runsSeen.map((r) => r.settlement_run_id),
      ['501']
    )
    for (const runType of [undefined, 'R3']) {
      const prices = await client
        .get(`${api}/balancing/settlement/system-prices/${DAY}/1`)
        .qs(runType ? { runType } : {})
      assert.notInclude(JSON.stringify(prices.body()), '9999')
    }
  })

  test('stacks and indicative cashflows per side, per the contract', async ({ client, assert }) => {
    await ingest(501)
    const offer = await client.get(`${api}/balancing/settlement/stack/all/offer/${DAY}/1`)
    offer.assertStatus(200)
    assert.deepEqual(
      contractErrors(
        '/balancing/settlement/stack/all/{bidOffer}/{settlementDate}/{settlementPeriod}',
        offer.body()
      ),
      []
    )
    assert.deepEqual(
      offer.body().data.map((r: any) => [r.id, r.volume, r.startTime]),
      [['T_DRAXX-1', 52.5, '2018-10-27T23:00:00Z']]
    )
    const bid = await client
      .get(`${api}/balancing/settlement/stack/all/bid/${DAY}/1`)
      .qs({ format: 'xml' })
    assert.include(bid.text(), '<id>T_WBURB-3</id>')
    assert.include(bid.text(), '<cadlFlag nil="true"/>')
    const empty = await client.get(`${api}/balancing/settlement/stack/all/bid/${DAY}/50`)
    assert.deepEqual(empty.body(), { data: [], metadata: { datasets: ['ISPSTACK'] } })

    const cash = await client
      .get(`${api}/balancing/settlement/indicative/cashflows/all/offer/${DAY}`)
      .qs({ bmUnit: 'DRAXX-1' })
    assert.deepEqual(
      contractErrors(
        '/balancing/settlement/indicative/cashflows/all/{bidOffer}/{settlementDate}',
        cash.body()
      ),
      []
    )
    assert.lengthOf(cash.body().data, 0, 'NGC ids resolve only through the BM Unit reference list')
    const byElexonId = await client
      .get(`${api}/balancing/settlement/indicative/cashflows/all/offer/${DAY}/1`)
      .qs({ bmUnit: 'T_DRAXX-1' })
    assert.equal(byElexonId.body().data[0].totalCashflow, 52.5 * 41)
    assert.deepInclude(byElexonId.body().data[0].bidOfferPairCashflows, {
      positive1: 52.5 * 41,
      negative1: null,
    })
    const volumes = await client.get(
      `${api}/balancing/settlement/indicative/volumes/all/bid/${DAY}`
    )
    assert.deepEqual(volumes.body(), { data: [], metadata: { datasets: ['DISPTAV'] } })

    const series = await client.get(`${api}/ext/bmunits/T_DRAXX-1/series`).qs({ from: DAY })
    assert.deepInclude(series.body().data[0], { settlementPeriod: 1, cashflow: 52.5 * 41 })
  })
})
