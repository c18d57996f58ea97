import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { createUser } from '#tests/helpers/users'
import { csrfForm } from '#tests/helpers/csrf'
import { createRun } from '#settlement/actions/create_run'
import { executeRun } from '#settlement/actions/execute_run'
import { defaultRuntime } from '#settlement/runs/runtime'
import { importSmallDay, SMALL_DATE } from './support/fixtures.js'

/** The small day settled with the installed baseline rules. */
async function settledRun() {
  await importSmallDay()
  const runId = await createRun({ settlementDate: SMALL_DATE, runType: 'SF', requestedBy: 'test' })
  const result = await executeRun(runId, { runtime: defaultRuntime() })
  if (result.status !== 'succeeded') throw new Error(result.error!.message)
  return runId
}

test.group('Settlement JSON API', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('needs a signed-in user', async ({ client }) => {
    const response = await client.get('/settlement/api/runs').header('accept', 'application/json')
    response.assertStatus(401)
  })

  test('lists runs and shows one with its stages', async ({ client, assert }) => {
    const runId = await settledRun()
    const { user } = await createUser({ role: 'assistant', partyId: 'BRACKEN' })
    const list = await client
      .get('/settlement/api/runs')
      .qs({ runType: 'SF' })
      .accept('json')
      .loginAs(user)
    list.assertStatus(200)
    assert.equal(list.body().total, 1)
    assert.include(list.body().runs[0], {
      id: runId,
      settlementDate: SMALL_DATE,
      runType: 'SF',
      runNumber: 1,
      status: 'succeeded',
    })
    const detail = await client.get(`/settlement/api/runs/${runId}`).accept('json').loginAs(user)
    detail.assertStatus(200)
    assert.equal(detail.body().stages[0].stageId, 'spot_profiles')
    assert.property(detail.body().manifest, 'outputHash')
    const latest = await client
      .get('/settlement/api/runs/latest')
      .qs({ date: SMALL_DATE })
      .accept('json')
      .loginAs(user)
    assert.equal(latest.body().id, runId)
    const bad = await client
      .get('/settlement/api/runs')
      .qs({ runType: 'ZZ' })
      .accept('json')
      .loginAs(user)
    bad.assertStatus(422)
    const prices = await client
      .get(`/settlement/api/runs/${runId}/system-prices`)
      .accept('json')
      .loginAs(user)
    assert.lengthOf(prices.body().data, 48)
    const stack = await client
      .get(`/settlement/api/runs/${runId}/stack`)
      .qs({ period: 1, side: 'offer' })
      .accept('json')
      .loginAs(user)
    stack.assertStatus(200)
    assert.isArray(stack.body().data)
  })

  test("party users see their own statement; another party's is 404", async ({
    client,
    assert,
  }) => {
    const runId = await settledRun()
    const { user } = await createUser({ role: 'signatory', partyId: 'BRACKEN' })
    const own = await client
      .get(`/settlement/api/runs/${runId}/statements/BRACKEN`)
      .accept('json')
      .loginAs(user)
    own.assertStatus(200)
    assert.equal(own.body().party.partyId, 'BRACKEN')
    assert.deepEqual(
      own.body().bmUnits.map((u: { bmUnitId: string }) => u.bmUnitId),
      ['T_BRKN-1']
    )
    assert.lengthOf(own.body().accounts[0].lines, 48)
    assert.property(own.body().dailyCharges, 'net')
    const other = await client
      .get(`/settlement/api/runs/${runId}/statements/NORTHWND`)
      .accept('json')
      .loginAs(user)
    other.assertStatus(404)
    assert.notInclude(other.text(), 'T_NWND-1')
    const totals = await client
      .get(`/settlement/api/runs/${runId}/party-totals`)
      .accept('json')
      .loginAs(user)
    assert.deepEqual(
      totals.body().data.map((t: { partyId: string }) => t.partyId),
      ['BRACKEN']
    )
    const charge = await client
      .get(`/settlement/api/runs/${runId}/trace`)
      .qs({ kind: 'party_charge', party: 'NORTHWND', charge: 'net' })
      .accept('json')
      .loginAs(user)
    charge.assertStatus(404)
  })

  test('operators see every party and download statements as CSV', async ({ client, assert }) => {
    const runId = await settledRun()
    const { user } = await createUser({ role: 'operator' })
    const csv = await client
      .get(`/settlement/api/runs/${runId}/statements/NORTHWND`)
      .qs({ format: 'csv' })
      .accept('json')
      .loginAs(user)
    csv.assertStatus(200)
    assert.include(csv.header('content-type'), 'text/csv')
    const lines = csv.text().trim().split('\r\n')
    assert.equal(lines[0], 'recordType,settlementDate,settlementPeriod,id,quantity,value')
    assert.isTrue(lines.some((line) => line.startsWith('DPC,2026-01-15,,NORTHWND,net,')))
    assert.isTrue(lines.some((line) => line.startsWith('BPD,2026-01-15,1,T_NWND-1,')))
    const totals = await client
      .get(`/settlement/api/runs/${runId}/party-totals`)
      .accept('json')
      .loginAs(user)
    assert.lengthOf(totals.body().data, 5)
    const missing = await client
      .get(`/settlement/api/runs/${runId}/statements/NOBODY`)
      .accept('json')
      .loginAs(user)
    missing.assertStatus(404)
  })

  test('operators start runs; bad input is 422; party users cannot start runs', async ({
    client,
    assert,
  }) => {
    await importSmallDay()
    const { user: operator } = await createUser({ role: 'operator' })
    const form = await csrfForm(client)
    const started = await client
      .post('/settlement/api/runs')
      .json({ settlementDate: SMALL_DATE, runType: 'R1', wait: true })
      .withSession(form.session)
      .header('x-csrf-token', form.token)
      .accept('json')
      .loginAs(operator)
    started.assertStatus(201)
    assert.include(started.body(), { runType: 'R1', runNumber: 1, status: 'succeeded' })
    const cases: [Record<string, unknown>, string][] = [
      [{ settlementDate: '15/01/2026', runType: 'SF' }, 'settlementDate'],
      [{ settlementDate: SMALL_DATE, runType: 'XX' }, 'runType'],
      [{ settlementDate: '2026-02-01', runType: 'SF' }, 'settlementDate'],
      [{ settlementDate: '2026-02-30', runType: 'SF' }, 'settlementDate'],
      [
        { settlementDate: SMALL_DATE, runType: 'SF', ruleSetKey: 'baseline@1+nope@1' },
        'ruleSetKey',
      ],
    ]
    for (const [body, field] of cases) {
      const response = await client
        .post('/settlement/api/runs')
        .json(body)
        .withSession(form.session)
        .header('x-csrf-token', form.token)
        .accept('json')
        .loginAs(operator)
      response.assertStatus(422)
      assert.equal(response.body().errors[0].field, field, JSON.stringify(body))
    }
    const { user: signatory } = await createUser({ role: 'signatory', partyId: 'BRACKEN' })
    const refused = await client
      .post('/settlement/api/runs')
      .json({ settlementDate: SMALL_DATE, runType: 'SF' })
      .withSession(form.session)
      .header('x-csrf-token', form.token)
      .accept('json')
      .loginAs(signatory)
    refused.assertStatus(404)
  })

  test('traces a system price to its stage, inputs and parameters', async ({ client, assert }) => {
    const runId = await settledRun()
    const { user } = await createUser({ role: 'assistant', partyId: 'HRBLIGHT' })
    const response = await client
      .get(`/settlement/api/runs/${runId}/trace`)
      .qs({ kind: 'system_price', period: 1 })
      .accept('json')
      .loginAs(user)
    response.assertStatus(200)
    const trace = response.body()
    assert.equal(trace.stage.id, 'imbalance_price')
    assert.include(trace.stage.reference, 'BSC Section T')
    assert.property(trace.value, 'systemSellPrice')
    const par = trace.parameters.find((p: { name: string }) => p.name === 'par_volume')
    assert.include(par, { value: 1, effectiveFrom: '2018-11-01' })
    assert.isTrue(trace.reads.some((read: { name: string }) => read.name === 'stack_items'))
    assert.isTrue(trace.upstream.some((stage: { id: string }) => stage.id === 'acceptance_volumes'))
    const badPeriod = await client
      .get(`/settlement/api/runs/${runId}/trace`)
      .qs({ kind: 'system_price', period: 60 })
      .accept('json')
      .loginAs(user)
    badPeriod.assertStatus(422)
    const own = await client
      .get(`/settlement/api/runs/${runId}/trace`)
      .qs({ kind: 'party_charge', party: 'HRBLIGHT', charge: 'energyImbalanceCashflow' })
      .accept('json')
      .loginAs(user)
    own.assertStatus(200)
    assert.equal(own.body().stage.id, 'party_totals')
    assert.deepEqual(Object.keys(own.body().value), ['energyImbalanceCashflow'])
  })

  test('operators diff runs and chart stage indicators across runs', async ({ client, assert }) => {
    const runA = await settledRun()
    const runB = await executeRun(
      await createRun({ settlementDate: SMALL_DATE, runType: 'SF', requestedBy: 't' })
    )
    const { user } = await createUser({ role: 'operator' })
    const diff = await client
      .get(`/settlement/api/runs/${runA}/diff/${runB.runId}`)
      .accept('json')
      .loginAs(user)
    diff.assertStatus(200)
    assert.isTrue(diff.body().identical)
    assert.lengthOf(diff.body().topMovers, 0)
    const series = await client
      .get('/settlement/api/stage-analytics')
      .qs({ from: SMALL_DATE, to: SMALL_DATE, stageId: 'imbalance_price' })
      .accept('json')
      .loginAs(user)
    series.assertStatus(200)
    assert.deepEqual(
      series.body().data.map((p: { runNumber: number }) => p.runNumber),
      [2]
    )
    const { user: party } = await createUser({ role: 'signatory', partyId: 'BRACKEN' })
    const refused = await client
      .get(`/settlement/api/runs/${runA}/diff/${runB.runId}`)
      .accept('json')
      .loginAs(party)
    refused.assertStatus(404)
  })
})
